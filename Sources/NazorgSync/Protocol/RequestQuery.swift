import NazorgMessages
import Foundation

/// The query parameters of a request, parsed strictly: every value that comes from outside is checked for form
/// and range here, once, so no handler converts or compares an unchecked number (`docs/sync-protocol.md`,
/// "Bad input"). A name given twice, a number with a sign, spaces or more digits than its range allows, and an id
/// that is not 32 hex digits are refused with `badRequest`. Also a fuzzing target (`Fuzz/`).
public struct RequestQuery: Sendable, Hashable {
    /// Longest query accepted, in bytes.
    public static let maxByteCount = 2048
    /// Largest cursor or sequence number: the server stores them as signed 64-bit integers.
    public static let maxCursor = UInt64(Int64.max)

    private var values: [String: String]

    /// Parses the query part of a URI (without `?`); `nil` or empty means no parameters.
    public init(_ query: String?) throws {
        values = [:]
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= Self.maxByteCount else {
            throw SyncError(.badRequest, Messages.Sync.queryTooLong(Self.maxByteCount))
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts[0].removingPercentEncoding, let value = (parts.count == 2 ? parts[1] : "").removingPercentEncoding
            else { throw SyncError(.badRequest, Messages.Sync.queryNotUTF8) }
            guard values[name] == nil else { throw SyncError(.badRequest, Messages.Sync.queryTwice(Self.quoted(name))) }
            values[name] = value
        }
    }

    /// Whether the parameter is present.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// The raw text of a parameter, for parameters that are words (a role).
    public func text(_ name: String) -> String? { values[name] }

    /// A whole number in `range`; `defaultValue` when absent.
    public func number(_ name: String, in range: ClosedRange<UInt64>, default defaultValue: UInt64? = nil) throws -> UInt64 {
        guard let text = values[name] else {
            guard let defaultValue else { throw SyncError(.badRequest, Messages.Sync.queryNeeds(Self.quoted(name))) }
            return defaultValue
        }
        // Digits only, at most 19 of them (UInt64 fits 20; Int64.max has 19): no sign, no overflow while parsing.
        guard (1...19).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = UInt64(text),
            range.contains(value)
        else {
            throw SyncError(.badRequest, Messages.Sync.queryRange(Self.quoted(name), range.lowerBound, range.upperBound))
        }
        return value
    }

    /// A cursor (server sequence number or log index): 0 to `maxCursor`, 0 when absent.
    public func cursor(_ name: String, default defaultValue: UInt64 = 0) throws -> UInt64 {
        try number(name, in: 0...Self.maxCursor, default: defaultValue)
    }

    /// A page size: 1 to `maximum`, `defaultValue` when absent.
    public func limit(_ name: String = "limit", default defaultValue: Int, maximum: Int) throws -> Int {
        Int(try number(name, in: 1...UInt64(max(1, maximum)), default: UInt64(min(defaultValue, maximum))))
    }

    /// A 128-bit id (32 hex digits); nil when absent.
    public func id(_ name: String) throws -> ID128? {
        guard let text = values[name] else { return nil }
        guard text.utf8.count == 32, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
            let id = ID128(hex: text)
        else { throw SyncError(.badRequest, Messages.Sync.queryNotID(Self.quoted(name))) }
        return id
    }

    /// A required 128-bit id.
    public func requiredID(_ name: String) throws -> ID128 {
        guard let id = try id(name) else { throw SyncError(.badRequest, Messages.Sync.queryNeedsID(Self.quoted(name))) }
        return id
    }

    /// A parameter name as it may appear in a message: short, and only if it is plain.
    static func quoted(_ name: String) -> String {
        let plain = name.utf8.count <= 16 && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
        return plain ? "'\(name)'" : Messages.Sync.aParameter
    }
}
