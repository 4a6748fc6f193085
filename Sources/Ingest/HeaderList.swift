/// The `headers` list of a layout field or column: at least one header, none empty once
/// normalised.
enum HeaderList {
    /// The headers under `key` of `container`, for the field or column `owner` (`field 'pgn'`).
    /// - Throws: `DecodingError` when the list is missing, empty or has an empty header.
    static func decode<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key, owner: String) throws -> [String] {
        let headers = try container.decode([String].self, forKey: key)
        guard !headers.isEmpty, headers.allSatisfy({ !HeaderName.normalised($0).isEmpty }) else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(owner) needs at least one non-empty header")
        }
        return headers
    }
}
