import ArgumentParser
import Ledger

extension ReleaseID: DescribedArgument {
    /// Accepts `R7` or `7`.
    public init?(argument: String) {
        self.init(text: argument)
    }

    static let valueName = "release"
    static let valueDescription = "Releases: R7 or 7 (kijkglas releases lists them)."
}
