import Foundation
@testable import NazorgClient
import NazorgStore
import Testing

/// The sync state is typed, scoped by server, and reads what earlier versions wrote.
struct SyncStateTests {
    @Test func cursorsAreTypedScopedByServerAndReadWhatEarlierVersionsWrote() throws {
        let profile = try TestOrganisation().worker("mira")
        let one = SyncState(store: profile.store, server: "http://127.0.0.1:8080/")
        let other = SyncState(store: profile.store, server: "http://127.0.0.1:9090/")
        #expect(try one.cursor() == 0 && one.seen() == 0 && !one.isRegistered() && one.divergedSections().isEmpty)
        // As an earlier version wrote them: decimal text.
        try profile.store.setMeta("cursor:http://127.0.0.1:8080/", Data("42".utf8))
        try profile.store.setMeta("seen:http://127.0.0.1:8080/", Data("50".utf8))
        #expect(try one.cursor() == 42 && one.seen() == 50)
        #expect(try other.cursor() == 0, "another server's cursor is its own")
        try one.noteSeen(45)
        #expect(try one.seen() == 50, "seen never goes back by noting a lower sequence")
        try one.noteSeen(60)
        #expect(try one.seen() == 60)
        try one.setRegistered()
        #expect(try one.isRegistered() && !other.isRegistered())
        try one.restart()
        #expect(try one.cursor() == 0 && one.seen() == 0 && one.isRegistered())
    }
}
