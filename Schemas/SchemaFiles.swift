import Foundation

/// The data files shipped in `Schemas/`: layouts of DUO's files (and, later, rate tables and
/// the JSON Schemas of the machine output). Facts about DUO's formats live there, not in code.
public enum SchemaFiles {
    /// The directory holding one layout file per product and layout version.
    public static var layoutsDirectory: URL {
        Bundle.module.url(forResource: "layouts", withExtension: nil) ?? Bundle.module.bundleURL.appendingPathComponent("layouts")
    }

    /// The file listing the keys of the "Algemene gegevens" block and the metadata they carry.
    public static var metadataBlockFile: URL {
        Bundle.module.url(forResource: "metadata-block", withExtension: "json")
            ?? Bundle.module.bundleURL.appendingPathComponent("metadata-block.json")
    }
}
