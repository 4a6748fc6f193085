import Foundation

extension String {
    /// The text with every year 19xx/20xx that is not part of a longer number moved `years`
    /// back: the demo's files, years earlier, for funding years that have rate tables.
    public func yearsMoved(back years: Int) throws -> String {
        let pattern = try NSRegularExpression(pattern: "(?<![0-9])(19|20)[0-9]{2}(?![0-9])")
        var result = self as NSString
        for match in pattern.matches(in: self, range: NSRange(location: 0, length: result.length)).reversed() {
            let year = Int(result.substring(with: match.range)) ?? 0
            result = result.replacingCharacters(in: match.range, with: String(year - years)) as NSString
        }
        return result as String
    }
}
