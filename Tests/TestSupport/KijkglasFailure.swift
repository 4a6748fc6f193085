import KijkglasKit

/// The `KijkglasError` `body` throws; nil when it throws nothing (or another error).
public func kijkglasFailure(_ body: () throws -> Void) -> KijkglasError? {
    do {
        try body()
        return nil
    } catch {
        return error as? KijkglasError
    }
}
