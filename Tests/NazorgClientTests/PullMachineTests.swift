@testable import NazorgClient
import Testing

/// The pull loop's decisions without a server: each path of a pull, from page headers alone.
struct PullMachineTests {
    typealias Page = PullMachine.Page

    @Test func aFreshDevicePullsFromTheStartAndBackfillsSectionsGrantedOnALaterPage() {
        var machine = PullMachine(cursor: 0, seen: 0)
        #expect(machine.cursor == 0, "the first request asks for everything")
        // First page: nothing to backfill (a section readable now gets its history in this stream).
        #expect(machine.receive(Page(head: 9, cursor: 5, more: true)) == .apply(backfillUntil: nil, cursor: 5, more: true))
        #expect(machine.cursor == 5)
        // A section granted on the second page had changes on the first, skipped without its key: backfill to 5.
        #expect(machine.receive(Page(head: 9, cursor: 9, more: false)) == .apply(backfillUntil: 5, cursor: 9, more: false))
        #expect(machine.cursor == 9 && machine.seen == 9 && !machine.restored && machine.pages == 2)
    }

    @Test func aLateGrantOnAnUpToDateDeviceIsBackfilledUpToItsCursor() {
        var machine = PullMachine(cursor: 40, seen: 40)
        #expect(machine.receive(Page(head: 41, cursor: 41, more: false)) == .apply(backfillUntil: 40, cursor: 41, more: false))
    }

    @Test func aServerRestoredFromAnOlderCopyIsPulledAgainFromTheStart() {
        var machine = PullMachine(cursor: 10, seen: 12)
        // Its head (8) is behind what this device pulled: discard the page, start again.
        #expect(machine.receive(Page(head: 8, cursor: 8, more: false)) == .restart)
        #expect(machine.cursor == 0 && machine.seen == 0 && machine.restored)
        #expect(machine.receive(Page(head: 8, cursor: 8, more: false)) == .apply(backfillUntil: nil, cursor: 8, more: false))
        #expect(machine.restored, "the caller repairs after the pull")
    }

    @Test func aHeadBehindTheDevicesOwnPushIsARestoreTooButEqualIsNot() {
        // This device's push was given sequence 12; it has pulled up to 10.
        var behind = PullMachine(cursor: 10, seen: 12)
        #expect(behind.receive(Page(head: 11, cursor: 11, more: false)) == .restart)
        var level = PullMachine(cursor: 10, seen: 12)
        #expect(level.receive(Page(head: 12, cursor: 12, more: false)) == .apply(backfillUntil: 10, cursor: 12, more: false))
        #expect(!level.restored)
    }

    @Test func anInterruptedPullResumesAfterTheLastStoredPage() {
        var first = PullMachine(cursor: 0, seen: 0)
        guard case .apply(_, let stored, true) = first.receive(Page(head: 3_000, cursor: 1_000, more: true)) else {
            Issue.record("the first page applies")
            return
        }
        // The connection drops before the second page; the next sync starts from what was stored.
        var resumed = PullMachine(cursor: stored, seen: stored)
        #expect(resumed.cursor == 1_000)
        #expect(resumed.receive(Page(head: 3_000, cursor: 2_000, more: true)) == .apply(backfillUntil: 1_000, cursor: 2_000, more: true))
    }

    @Test func headersThatAreMissingOrNotNumbersChangeNothing() {
        let page = Page(headers: ["nazorg-head": "-1", "nazorg-cursor": "12abc", "nazorg-more": "ja"])
        #expect(page == Page(head: nil, cursor: nil, more: false))
        #expect(Page(headers: ["nazorg-head": "7", "nazorg-cursor": "7", "nazorg-more": "1"]) == Page(head: 7, cursor: 7, more: true))
        var machine = PullMachine(cursor: 20, seen: 20)
        // No head: no restore can be judged; no cursor: the stored one stays.
        #expect(machine.receive(page) == .apply(backfillUntil: 20, cursor: 20, more: false))
    }
}
