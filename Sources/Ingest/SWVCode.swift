/// Reading SWV codes: `PO`/`VO` and four digits, written `PO2707`, `PO-27-07`, `VO 25-08`,
/// `po2707`; always stored as `PO2707`.
public enum SWVCode {
    /// What an SWV code cell should hold, for messages.
    public static let expectation = "an SWV code like VO2508 or PO-27-07"

    /// The canonical code `text` spells, or nil when it is none.
    public static func canonical(_ text: some StringProtocol) -> String? {
        canonical(utf8: text.utf8)
    }

    /// The canonical code the UTF-8 bytes `text` spell, or nil when they are none.
    static func canonical(utf8 text: some Sequence<UInt8>) -> String? {
        var bytes = InlineArray<6, UInt8>(repeating: 0)
        var count = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): continue
            default:
                guard count < 6 else { return nil }
                bytes[count] = (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
                count += 1
            }
        }
        guard count == 6, bytes[0] == UInt8(ascii: "P") || bytes[0] == UInt8(ascii: "V"), bytes[1] == UInt8(ascii: "O"),
            (2..<6).allSatisfy({ (0x30...0x39).contains(bytes[$0]) })
        else { return nil }
        return String(unsafeUninitializedCapacity: 6) { buffer in
            for index in 0..<6 { buffer[index] = bytes[index] }
            return 6
        }
    }

    /// The first SWV code inside a longer text (a file name, `VO2508 Passend Onderwijs`), or nil.
    static func find(in text: some StringProtocol) -> String? {
        let characters = Array(text.uppercased())
        for index in characters.indices.dropLast() {
            guard characters[index + 1] == "O", characters[index] == "P" || characters[index] == "V",
                index == 0 || !characters[index - 1].isLetter
            else { continue }
            var digits = ""
            var position = index + 2
            var lastWasSeparator = false
            while position < characters.count, digits.count < 4 {
                let character = characters[position]
                if character.isASCII && character.isNumber {
                    digits.append(character)
                    lastWasSeparator = false
                } else if " -_.".contains(character) && !lastWasSeparator {
                    lastWasSeparator = true
                } else {
                    break
                }
                position += 1
            }
            let followedByDigit = position < characters.count && characters[position].isNumber
            if digits.count == 4 && !followedByDigit { return String(characters[index...(index + 1)]) + digits }
        }
        return nil
    }
}
