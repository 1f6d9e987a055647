import NazorgMessages
public import Foundation

/// What merging ops into an entity's stored encoding did.
public enum EncodedMerge: Sendable, Equatable {
    /// The entity's new full encoding, and whether some register now holds concurrent writes.
    case merged(Data, isConflicted: Bool)
    /// The ops changed nothing (duplicates, or writes already replaced).
    case unchanged
}

extension EntityState {
    /// Merges ops into an entity's full encoding (`encoded()`; nil for an entity not stored yet) and returns
    /// the new full encoding: byte for byte what decoding, applying and encoding again gives, but only the
    /// registers the ops write are decoded and encoded — every other register's bytes are copied as they are.
    ///
    /// An op typically writes one field of an entity of many, so this is what keeps merging a pulled batch
    /// from costing the whole entity per op. Encodings it does not splice (a fact record, an older version,
    /// names that are not ASCII, whose byte order might not be `String` order) take the full path.
    public static func merge(_ ops: [Op], intoEncoded data: Data?) throws -> EncodedMerge {
        guard let data, let index = try RegisterIndex(data), let writes = Self.writesByField(ops) else {
            var state = try data.map { try EntityState(encoded: $0) } ?? EntityState()
            var changed = false
            for op in ops { changed = state.apply(op) || changed }
            return changed ? .merged(state.encoded(), isConflicted: state.registers.values.contains { $0.isConflicted }) : .unchanged
        }
        // The touched registers, decoded from their bytes (or new), with their writes applied, in name order.
        var touched: [(name: String, bytes: [UInt8], register: Register, isStored: Bool)] = []
        var changed = false
        for (field, fieldWrites) in writes {
            let name = Array(field.utf8)
            let position = index.position(of: name)
            var register = try position.map { try index.register(at: $0) } ?? Register()
            for write in fieldWrites { changed = register.apply(id: write.id, value: write.value, predecessors: write.predecessors) || changed }
            touched.append((field, name, register, position != nil))
        }
        guard changed else { return .unchanged }

        var writer = ByteWriter(capacity: data.count + 128)
        writer.write(contextVersion)
        writer.write(0)  // no fact record
        writer.writeVarint(UInt64(index.records.count + touched.count { !$0.isStored }))
        var isConflicted = false
        var next = touched.makeIterator().peekable()
        for record in index.records {
            // New registers that sort before this one come first, then this one, spliced or copied.
            while let new = next.peek, !new.isStored, index.order(of: record, against: new.bytes) > 0 {
                writer.writeString(new.name)
                write(new.register, to: &writer, includeHistory: true)
                isConflicted = isConflicted || new.register.isConflicted
                _ = next.next()
            }
            if let spliced = next.peek, spliced.isStored, index.order(of: record, against: spliced.bytes) == 0 {
                writer.writeString(spliced.name)
                write(spliced.register, to: &writer, includeHistory: true)
                isConflicted = isConflicted || spliced.register.isConflicted
                _ = next.next()
            } else {
                writer.writeRaw(index.bytes(of: record))
                isConflicted = isConflicted || record.isConflicted
            }
        }
        while let new = next.next() {
            writer.writeString(new.name)
            write(new.register, to: &writer, includeHistory: true)
            isConflicted = isConflicted || new.register.isConflicted
        }
        return .merged(writer.data, isConflicted: isConflicted)
    }

    /// The ops' register writes grouped by field, fields in name order; nil if an op is not a register write
    /// or names a field that is not ASCII.
    private static func writesByField(_ ops: [Op]) -> [(String, [(id: OpID, value: Value, predecessors: [OpID])])]? {
        // Most entities of a batch get one write: no grouping needed.
        if ops.count == 1, case .write(let field, let value, let predecessors) = ops[0].payload {
            return field.utf8.allSatisfy({ $0 < 0x80 }) ? [(field, [(ops[0].id, value, predecessors)])] : nil
        }
        var byField: [String: [(id: OpID, value: Value, predecessors: [OpID])]] = [:]
        for op in ops {
            guard case .write(let field, let value, let predecessors) = op.payload, field.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            byField[field, default: []].append((op.id, value, predecessors))
        }
        return byField.sorted { $0.key < $1.key }
    }
}

/// Where each register of a full entity encoding (`contextVersion`, no fact record) lies, found by stepping
/// over the bytes without building names, values or contexts.
private struct RegisterIndex {
    struct Record {
        /// The name's bytes.
        var name: Range<Int>
        /// The register's bytes after its name.
        var body: Range<Int>
        /// The whole record, name's length prefix included.
        var whole: Range<Int>
        /// Whether it holds more than one current write.
        var isConflicted: Bool
    }

    private let reader: ByteReader
    private(set) var records: [Record] = []

    /// Nil for an encoding that is not spliced (see `EntityState.merge`); throws if the bytes are damaged.
    init?(_ data: Data) throws {
        var reader = ByteReader(data, context: .entityState)
        guard try reader.readByte() == EntityState.contextVersion, try reader.readByte() == 0 else { return nil }
        let count = try reader.readCount(limit: reader.remaining, .registerCount)
        records.reserveCapacity(count)
        for _ in 0..<count {
            let start = reader.offset
            let name = try reader.skipString()
            let bodyStart = reader.offset
            let current = try reader.readCount(limit: reader.remaining, .valueCount)
            for _ in 0..<current {
                try reader.skip(EntityState.entryByteCount)
                try Value.skip(from: &reader)
            }
            let context = try reader.readCount(limit: reader.remaining / EntityState.entryByteCount, .historyCount)
            try reader.skip(context * EntityState.entryByteCount)
            // Names strictly ascending, ASCII: then byte order is the encoder's `String` order.
            guard reader.isASCII(name), records.last.map({ reader.compare($0.name, name) < 0 }) ?? true else { return nil }
            records.append(Record(name: name, body: bodyStart..<reader.offset, whole: start..<reader.offset, isConflicted: current > 1))
        }
        try reader.expectEnd()
        self.reader = reader
    }

    /// How a record's name sorts against `name`: negative before it, zero equal, positive after.
    func order(of record: Record, against name: [UInt8]) -> Int { reader.compare(record.name, with: name) }

    func bytes(of record: Record) -> ArraySlice<UInt8> { reader.bytes(in: record.whole) }

    /// The index of the register named `name` (UTF-8), by binary search over the sorted names.
    func position(of name: [UInt8]) -> Int? {
        var low = 0, high = records.count
        while low < high {
            let middle = (low + high) / 2
            let order = self.order(of: records[middle], against: name)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The register at `position`, decoded.
    func register(at position: Int) throws -> Register {
        var body = reader
        body.rewind(to: records[position].body.lowerBound)
        return try EntityState.readRegister(&body, version: EntityState.contextVersion, history: .kept)
    }
}

private struct PeekableIterator<Base: IteratorProtocol>: IteratorProtocol {
    private var base: Base
    private(set) var peek: Base.Element?

    init(_ base: Base) {
        self.base = base
        self.peek = self.base.next()
    }

    mutating func next() -> Base.Element? {
        defer { peek = base.next() }
        return peek
    }
}

extension IteratorProtocol {
    fileprivate func peekable() -> PeekableIterator<Self> { PeekableIterator(self) }
}
