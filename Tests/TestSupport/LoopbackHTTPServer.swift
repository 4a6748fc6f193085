import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-thread HTTP/1.1 server on 127.0.0.1 for webhook tests: answers each request with the
/// next status of its script, records what it received, and stops itself when the script is
/// used up or its deadline passes. Never listens on anything but the loopback address.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// One request received.
    public struct Request: Sendable {
        /// The request line and headers, lower-cased names.
        public var headers: [String: String]
        /// The body.
        public var body: Data
    }

    /// The port it listens on.
    public let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Request] = []
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts answering `statuses`, one per request, for at most `deadline` seconds.
    public init(statuses: [Int], deadline: TimeInterval = 30) throws {
        let (listener, port) = try Self.bindLoopback()
        guard listen(listener, 8) == 0 else {
            close(listener)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        self.listener = listener
        self.port = port
        let thread = Thread { [self] in
            serve(statuses, until: Date().addingTimeInterval(deadline))
            close(listener)
            stopped.signal()
        }
        thread.start()
    }

    /// `http://127.0.0.1:PORT/hook`.
    public var url: String { "http://127.0.0.1:\(port)/hook" }

    /// The requests received so far.
    public var requests: [Request] { lock.withLock { received } }

    /// Waits until the server stopped (script used up or deadline passed).
    public func waitUntilStopped() { stopped.wait() }

    /// A loopback port on which nothing listens: bound once, then closed.
    public static func unusedPort() throws -> UInt16 {
        let (socket, port) = try bindLoopback()
        close(socket)
        return port
    }

    private static func bindLoopback() throws -> (Int32, UInt16) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func serve(_ statuses: [Int], until deadline: Date) {
        var script = statuses[...]
        while let status = script.first, Date() < deadline {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            if let request = read(connection, until: deadline) {
                lock.withLock { received.append(request) }
                let answer = "HTTP/1.1 \(status) Scripted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                _ = answer.withCString { send(connection, $0, strlen($0), 0) }
                script = script.dropFirst()
            }
            close(connection)
        }
    }

    /// Reads one request (headers and a Content-Length body), answering `Expect: 100-continue`.
    private func read(_ connection: Int32, until deadline: Date) -> Request? {
        var data = Data()
        var headers: [String: String]?
        var bodyStart = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            if let headers, let length = Int(headers["content-length"] ?? "0"), data.count - bodyStart >= length {
                return Request(headers: headers, body: data.subdata(in: bodyStart..<bodyStart + length))
            }
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
            if headers == nil, let end = data.range(of: Data("\r\n\r\n".utf8)) {
                bodyStart = end.upperBound
                var parsed: [String: String] = [:]
                for line in String(decoding: data[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n").dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                headers = parsed
                if parsed["expect"]?.lowercased() == "100-continue" {
                    _ = "HTTP/1.1 100 Continue\r\n\r\n".withCString { send(connection, $0, strlen($0), 0) }
                }
            }
        }
        return nil
    }
}
