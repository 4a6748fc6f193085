import Ledger
import Testing

/// Every kind of event has one name, and parses back from it.
struct EventKindTests {
    @Test("every event kind is named and parsed back, a registration kind also without its prefix")
    func names() {
        for kind in Event.Kind.allCases { #expect(Event.Kind(name: kind.name) == kind) }
        #expect(Set(Event.Kind.allCases.map(\.name)).count == Event.Kind.allCases.count)
        #expect(Event.Kind(name: "changed") == .registration(.changed))
        #expect(Event.Kind(name: "figuresstated") == .figuresStated)
        #expect(Event.Kind(name: "bogus") == nil)
    }
}
