import NazorgMessages
public import Foundation

extension EntityState {
    /// The visible layout (no history), also the layout of stored states before the compact context.
    static let visibleVersion: UInt8 = 1
    /// The whole layout with each register's history as a list of replaced-write ids (read, never written).
    private static let idListVersion: UInt8 = 1
    /// The whole layout with each register's compact context: per device, the timestamp replaced through.
    static let contextVersion: UInt8 = 2

    /// Appends the canonical encoding: fields sorted by name, writes by op id.
    ///
    /// With `includeHistory` each register's replaced-through context is included too (the store keeps it so
    /// late writes stay replaced); without, the encoding is the visible state, used for state hashes.
    public func encode(to writer: inout ByteWriter, includeHistory: Bool) {
        writer.write(includeHistory ? Self.contextVersion : Self.visibleVersion)
        if let fact {
            writer.write(1)
            Self.write(fact.id, to: &writer)
            writer.writeString(fact.kind)
            writer.writeVarint(UInt64(fact.fields.count))
            for (name, value) in fact.fields.sorted(by: { $0.key < $1.key }) {
                writer.writeString(name)
                value.encode(to: &writer)
            }
        } else {
            writer.write(0)
        }
        writer.writeVarint(UInt64(registers.count))
        for (name, register) in registers.sorted(by: { $0.key < $1.key }) {
            writer.writeString(name)
            Self.write(register, to: &writer, includeHistory: includeHistory)
        }
    }

    /// One register after its name: its current writes, then (with history) its context.
    static func write(_ register: Register, to writer: inout ByteWriter, includeHistory: Bool) {
        writer.writeVarint(UInt64(register.current.count))
        for entry in register.current {
            write(entry.id, to: &writer)
            entry.value.encode(to: &writer)
        }
        if includeHistory { writeContext(register.replacedThrough, to: &writer) }
    }

    /// Reads what `write(_:to:includeHistory:)` wrote, in the layout of `version`.
    static func readRegister(_ reader: inout ByteReader, version: UInt8, history: RegisterHistory) throws -> Register {
        var current: [(id: OpID, value: Value)] = []
        for _ in 0..<(try reader.readCount(limit: reader.remaining, .valueCount)) {
            let id = try readID(&reader)
            current.append((id, try Value.decode(from: &reader)))
        }
        let context = history == .absent ? [:] : try readHistory(&reader, version: version, keeping: history == .kept)
        return Register(current: current, replacedThrough: context)
    }

    /// Whether a stored register has its context, and whether to decode or skip it.
    enum RegisterHistory { case kept, skipped, absent }

    /// The full encoding including history, as stored.
    public func encoded() -> Data {
        var writer = ByteWriter()
        encode(to: &writer, includeHistory: true)
        return writer.data
    }

    /// Bytes of one op id, and of one context entry: an 8-byte timestamp and a 16-byte device id.
    static let entryByteCount = 24

    /// Reads the full encoding (with history), in either history layout.
    ///
    /// With `keepingHistory: false` the histories are skipped, not decoded: the state shows the same values,
    /// conflicts and heads, and must not be merged into and stored again (a late write its history replaced
    /// could become current). Reading to display, hash or hand over needs no history.
    public init(encoded data: Data, keepingHistory: Bool = true) throws {
        try self.init(data, layout: keepingHistory ? .withHistory : .skippingHistory)
    }

    /// Reads the visible encoding (`encode(to:includeHistory: false)`) and, if given, the history that
    /// `encodedHistory()` wrote beside it (or an earlier version's list of replaced ids, which is turned into
    /// the same context). Without a history the registers' contexts are empty: read only.
    public init(visible data: Data, history: Data?) throws {
        try self.init(data, layout: .visibleOnly)
        guard let history else { return }
        var reader = ByteReader(history, context: .entityHistory)
        let version = try reader.readByte()
        guard version == Self.idListVersion || version == Self.contextVersion else {
            throw SyncError(.unsupportedVersion, Messages.Sync.historyFormatUnsupported)
        }
        for _ in 0..<(try reader.readCount(limit: reader.remaining, .registerCount)) {
            let name = try reader.readString()
            guard let register = registers[name] else {
                throw SyncError(.malformedChange, Messages.Sync.historyNamesUnknownRegister)
            }
            let context = try Self.readHistory(&reader, version: version, keeping: true)
            registers[name] = Register(current: register.current, replacedThrough: context)
        }
        try reader.expectEnd()
    }

    /// The context of every register that has one, to store beside the visible encoding: what merging needs
    /// and reading does not. At most one entry per device that ever wrote the register.
    public func encodedHistory() -> Data {
        var writer = ByteWriter()
        writer.write(Self.contextVersion)
        let withHistory = registers.filter { !$0.value.replacedThrough.isEmpty }.sorted { $0.key < $1.key }
        writer.writeVarint(UInt64(withHistory.count))
        for (name, register) in withHistory {
            writer.writeString(name)
            Self.writeContext(register.replacedThrough, to: &writer)
        }
        return writer.data
    }

    /// The visible encoding (values, conflicts, fact record), without history.
    public func encodedVisible() -> Data {
        var writer = ByteWriter()
        encode(to: &writer, includeHistory: false)
        return writer.data
    }

    private enum Layout { case withHistory, skippingHistory, visibleOnly }

    private init(_ data: Data, layout: Layout) throws {
        var reader = ByteReader(data, context: .entityState)
        let version = try reader.readByte()
        let newest = layout == .visibleOnly ? Self.visibleVersion : Self.contextVersion
        guard version == newest || (layout != .visibleOnly && version == Self.idListVersion) else {
            throw SyncError(.unsupportedVersion, Messages.Sync.unsupportedVersion(.entityState, version, reads: newest))
        }
        self.init()
        if try reader.readByte() == 1 {
            let id = try Self.readID(&reader)
            let kind = try reader.readString()
            var fields: [String: Value] = [:]
            for _ in 0..<(try reader.readCount(limit: reader.remaining, .fieldCount)) {
                let name = try reader.readString()
                fields[name] = try Value.decode(from: &reader)
            }
            self.fact = FactRecord(id: id, kind: kind, fields: fields)
        }
        let registerCount = try reader.readCount(limit: reader.remaining, .registerCount)
        registers.reserveCapacity(registerCount)
        let history: RegisterHistory = switch layout {
        case .withHistory: .kept
        case .skippingHistory: .skipped
        case .visibleOnly: .absent
        }
        for _ in 0..<registerCount {
            let name = try reader.readString()
            registers[name] = try Self.readRegister(&reader, version: version, history: history)
        }
        try reader.expectEnd()
    }

    /// A register's context: its entry count, then (device, timestamp) in device order.
    private static func writeContext(_ context: [DeviceID: Timestamp], to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(context.count))
        for (device, timestamp) in context.sorted(by: { $0.key < $1.key }) {
            writer.write(device)
            writer.writeFixed(timestamp.rawValue)
        }
    }

    /// Reads a register's history in either layout: entries of 24 bytes both, so without `keeping` they are
    /// skipped, not decoded. A list of replaced ids becomes the context it implies: per device, the latest.
    private static func readHistory(_ reader: inout ByteReader, version: UInt8, keeping: Bool) throws -> [DeviceID: Timestamp] {
        let count = try reader.readCount(limit: reader.remaining / entryByteCount, .historyCount)
        guard keeping else {
            try reader.skip(count * entryByteCount)
            return [:]
        }
        var context: [DeviceID: Timestamp] = [:]
        context.reserveCapacity(min(count, 64))
        for _ in 0..<count {
            if version == idListVersion {
                let id = try readID(&reader)
                context[id.device] = max(context[id.device] ?? id.timestamp, id.timestamp)
            } else {
                let device = try reader.readID()
                let timestamp = Timestamp(rawValue: try reader.readFixed(UInt64.self))
                guard context.updateValue(timestamp, forKey: device) == nil else {
                    throw SyncError(.malformedChange, Messages.Sync.historyDeviceTwice)
                }
            }
        }
        return context
    }

    private static func write(_ id: OpID, to writer: inout ByteWriter) {
        writer.writeFixed(id.timestamp.rawValue)
        writer.write(id.device)
    }

    private static func readID(_ reader: inout ByteReader) throws -> OpID {
        let raw = try reader.readFixed(UInt64.self)
        return OpID(timestamp: Timestamp(rawValue: raw), device: try reader.readID())
    }
}
