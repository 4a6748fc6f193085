import ArgumentParser
import Ledger

extension ReleaseID: ExpressibleByArgument {
    /// Accepts `R7` or `7`.
    public init?(argument: String) {
        self.init(text: argument)
    }

    public static var defaultValueDescription: String { "a release id like R7 (see kijkglas releases)" }
}
