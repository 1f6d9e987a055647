import Foundation

/// The pull loop's decisions, from the server's page headers alone: which page to ask for next, when the server
/// has lost what this device had seen (restored from an older copy), which sections to backfill, and which
/// cursor to remember. No I/O: the sync client sends the requests, applies the pages and stores the cursor; this
/// says what to do, so every path is tested without a server (`PullMachineTests`).
struct PullMachine: Equatable {
    /// The server sequence pulled up to: the next request asks for what comes after it.
    private(set) var cursor: UInt64
    /// The highest sequence this device has seen: pulled, or assigned to its own pushes.
    private(set) var seen: UInt64
    /// Whether the server turned out to be restored during this pull.
    private(set) var restored = false
    /// Pages received so far.
    private(set) var pages = 0

    /// What one page's headers say.
    struct Page: Equatable {
        /// `nazorg-head`: the server's highest sequence.
        var head: UInt64?
        /// `nazorg-cursor`: the sequence this page ends at.
        var cursor: UInt64?
        /// `nazorg-more`: whether another page follows.
        var more: Bool

        /// Parses the headers (names in lower case); an unreadable number counts as absent.
        init(headers: [String: String]) {
            head = headers["nazorg-head"].flatMap(UInt64.init)
            cursor = headers["nazorg-cursor"].flatMap(UInt64.init)
            more = headers["nazorg-more"] == "1"
        }

        init(head: UInt64?, cursor: UInt64?, more: Bool) {
            self.head = head
            self.cursor = cursor
            self.more = more
        }
    }

    /// What to do with a page.
    enum Verdict: Equatable {
        /// The server's head is behind what this device saw: it was restored from an older copy. Discard the
        /// page, forget the stored cursor and what was seen, and ask again from the start (repair later pushes
        /// what the server lacks).
        case restart
        /// Apply the page. Sections it makes readable here are backfilled up to `backfillUntil` (their changes at
        /// or below the old cursor passed while this device had no access; nil on a pull from the start). Then
        /// store `cursor`, and ask for the next page if `more`.
        case apply(backfillUntil: UInt64?, cursor: UInt64, more: Bool)
    }

    /// A pull starting from what the device stored.
    init(cursor: UInt64, seen: UInt64) {
        self.cursor = cursor
        self.seen = seen
    }

    /// Takes a page's headers and says what to do with the page.
    mutating func receive(_ page: Page) -> Verdict {
        pages += 1
        if let head = page.head, head < max(cursor, seen) {
            restored = true
            cursor = 0
            seen = 0
            return .restart
        }
        let backfillUntil = cursor > 0 ? cursor : nil
        cursor = page.cursor ?? cursor
        seen = max(seen, cursor)
        return .apply(backfillUntil: backfillUntil, cursor: cursor, more: page.more)
    }
}
