import Foundation
import Schemas

/// What the keys of the "Algemene gegevens" block mean and which product names there are,
/// from `Schemas/metadata-block.json`.
struct MetadataBlockKeys: Sendable {
    /// A release metadata item a block key gives.
    enum Item: String, Sendable, CaseIterable {
        case product, swv, swvName, schoolYear, referenceDate, published, status
    }

    /// Normalised block key to the item it gives.
    let items: [String: Item]
    /// Normalised product name to product id.
    let products: [String: String]
    /// Normalised `Status` value to whether it marks the file definitive (`Definitief`) or
    /// provisional (`Voorlopig`).
    let statuses: [String: Bool]

    /// The item block key `key` gives, nil for keys the block may hold but releases ignore.
    func item(forKey key: String) -> Item? { items[HeaderName.normalised(key)] }

    /// The product id a `Product` value names: a name from the file, or an id or display name
    /// of one of `layouts`; nil when unknown.
    func productID(named name: String, layouts: [Layout]) -> String? {
        let key = HeaderName.normalised(name)
        if let id = products[key] { return id }
        return layouts.first { HeaderName.normalised($0.product) == key || HeaderName.normalised($0.displayName) == key }?.product
    }

    /// Whether a `Status` value marks the file definitive (true) or provisional (false); nil
    /// when unknown.
    func isDefinitive(status: String) -> Bool? { statuses[HeaderName.normalised(status)] }

    /// The keys shipped in `Schemas/metadata-block.json`, or why they cannot be read.
    static let builtIn: Result<MetadataBlockKeys, LayoutError> = {
        let url = SchemaFiles.metadataBlockFile
        do throws(LayoutError) {
            return .success(try MetadataBlockKeys(contentsOf: url))
        } catch {
            return .failure(error)
        }
    }()

    /// The keys in the JSON file at `url`.
    init(contentsOf url: URL) throws(LayoutError) {
        struct File: Decodable {
            var keys: [String: [String]]
            var products: [String: [String]]
            var statuses: [String: [String]]
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        } catch let error as Swift.DecodingError {
            throw LayoutError(file: url.path, message: Layout.explain(error))
        } catch {
            throw LayoutError(file: url.path, message: "expected the metadata block keys, found no readable file")
        }
        var items: [String: Item] = [:]
        for (name, keys) in file.keys {
            guard let item = Item(rawValue: name) else {
                throw LayoutError(
                    file: url.path,
                    message: "unknown metadata item '\(name)'; the items are " + Item.allCases.map(\.rawValue).joined(separator: ", "))
            }
            for key in keys { items[HeaderName.normalised(key)] = item }
        }
        self.items = items
        var products: [String: String] = [:]
        for (id, names) in file.products {
            for name in names + [id] { products[HeaderName.normalised(name)] = id }
        }
        self.products = products
        var statuses: [String: Bool] = [:]
        for (meaning, values) in file.statuses {
            guard meaning == "definitive" || meaning == "provisional" else {
                throw LayoutError(file: url.path, message: "unknown status '\(meaning)'; the statuses are definitive, provisional")
            }
            for value in values { statuses[HeaderName.normalised(value)] = meaning == "definitive" }
        }
        self.statuses = statuses
    }
}
