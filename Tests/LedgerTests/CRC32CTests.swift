import Ledger
import Testing

@Suite("CRC32C")
struct CRC32CTests {
    @Test("matches the published check values")
    func checkValues() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    }

    @Test("every single flipped bit changes the checksum")
    func detectsBitFlips() {
        let data = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let reference = CRC32C.checksum(data)
        for index in data.indices {
            for bit in 0..<8 {
                var damaged = data
                damaged[index] ^= 1 << UInt8(bit)
                #expect(CRC32C.checksum(damaged) != reference)
            }
        }
    }
}
