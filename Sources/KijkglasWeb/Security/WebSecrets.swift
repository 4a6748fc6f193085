/// The secrets one server run makes at start and forgets at exit: the access token printed in
/// the URL to open, the value of the session cookie it is exchanged for, and the CSRF token every
/// form that changes something carries.
struct WebSecrets: Sendable {
    /// The token in the printed URL (and in `Authorization: Bearer` for the JSON API).
    let accessToken: String
    /// The value of the session cookie.
    let sessionValue: String
    /// The token of the hidden field in every form that changes something.
    let csrfToken: String

    /// Fresh random secrets, 256 bits each, from the system's cryptographic generator.
    init() {
        accessToken = Self.random()
        sessionValue = Self.random()
        csrfToken = Self.random()
    }

    /// The name of the session cookie.
    static let cookieName = "kijkglas_session"

    /// Whether `offered` is `secret`, compared in time independent of where they differ.
    static func matches(_ offered: String?, _ secret: String) -> Bool {
        guard let offered else { return false }
        let left = Array(offered.utf8)
        let right = Array(secret.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// 32 random bytes as hexadecimal.
    private static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }
}
