import NazorgMessages
public import Foundation

/// Encodes the ops of one change (the plaintext body) compactly: tables of devices, entities and field
/// names, then ops that refer to them by index. Every op is by the change's author. In version 1 op `i` has
/// timestamp `first + i`; in version 2 each op after the first carries its distance from the op before, so
/// a run of edits made at different times (other sections' edits in between) travels as one change.
public enum OpsCodec {
    private static let writeKind: UInt8 = 1
    private static let insertKind: UInt8 = 2

    /// Encodes ops by `author` (their ids' devices) for a change of `version`. Version 1 needs consecutive
    /// timestamps; version 2 strictly rising ones.
    public static func encode(_ ops: [Op], version: UInt8, author: DeviceID) -> Data {
        var devices: [DeviceID: Int] = [author: 0]
        var deviceList: [DeviceID] = [author]
        var entities: [EntityID: Int] = [:]
        var entityList: [EntityID] = []
        var names: [String: Int] = [:]
        var nameList: [String] = []
        func index<K: Hashable>(_ key: K, _ map: inout [K: Int], _ list: inout [K]) -> Int {
            if let i = map[key] { return i }
            map[key] = list.count
            list.append(key)
            return list.count - 1
        }
        var body = ByteWriter(capacity: ops.count * 40)
        var previous: Timestamp?
        for op in ops {
            let timestamp = op.id.timestamp
            precondition(op.id.device == author, "every op of a change is by its author")
            if let previous {
                precondition(timestamp > previous && (version >= 2 || timestamp == previous.advanced(by: 1)), "op timestamps rise")
                if version >= 2 { body.writeVarint(timestamp.rawValue - previous.rawValue) }
            }
            previous = timestamp
            let entityIndex = index(op.entity, &entities, &entityList)
            switch op.payload {
            case .write(let field, let value, let predecessors):
                body.write(writeKind)
                body.writeVarint(UInt64(entityIndex))
                body.writeVarint(UInt64(index(field, &names, &nameList)))
                value.encode(to: &body)
                body.writeVarint(UInt64(predecessors.count))
                for predecessor in predecessors {
                    body.writeVarint(UInt64(index(predecessor.device, &devices, &deviceList)))
                    body.writeSignedVarint(
                        Int64(bitPattern: timestamp.rawValue &- predecessor.timestamp.rawValue))
                }
            case .insert(let kind, let fields):
                body.write(insertKind)
                body.writeVarint(UInt64(entityIndex))
                body.writeVarint(UInt64(index(kind, &names, &nameList)))
                body.writeVarint(UInt64(fields.count))
                for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
                    body.writeVarint(UInt64(index(name, &names, &nameList)))
                    value.encode(to: &body)
                }
            }
        }
        var out = ByteWriter(capacity: body.count + 64)
        out.writeVarint(UInt64(deviceList.count))
        for device in deviceList { out.write(device) }
        out.writeVarint(UInt64(entityList.count))
        for entity in entityList { out.write(entity) }
        out.writeVarint(UInt64(nameList.count))
        for name in nameList { out.writeString(name) }
        out.writeRaw(body.data)
        return out.data
    }

    /// Decodes exactly the header's op count; every index, count and timestamp is checked against the header.
    public static func decode(_ data: Data, header: ChangeHeader) throws -> [Op] {
        let count = Int(header.opCount), author = header.author, explicit = header.version >= 2
        var reader = ByteReader(data, context: .changeBody)
        let deviceCount = try reader.readCount(limit: reader.remaining / 16, .deviceCount)
        var devices: [DeviceID] = []
        for _ in 0..<deviceCount { devices.append(try reader.readID()) }
        guard devices.first == author else {
            throw SyncError(.malformedChange, Messages.Sync.bodyWithoutAuthor)
        }
        let entityCount = try reader.readCount(limit: reader.remaining / 16, .entityCount)
        var entities: [EntityID] = []
        entities.reserveCapacity(entityCount)
        for _ in 0..<entityCount { entities.append(try reader.readID()) }
        let nameCount = try reader.readCount(limit: reader.remaining, .fieldNameCount)
        var names: [String] = []
        for _ in 0..<nameCount { names.append(try reader.readString(limit: 256)) }
        func pick<T>(_ list: [T], _ what: Messages.Sync.Indexed) throws -> T {
            let i = try reader.readVarint()
            guard i < UInt64(list.count) else {
                throw SyncError(.malformedChange, Messages.Sync.indexOutOfRange(what, i, count: list.count))
            }
            return list[Int(i)]
        }
        var ops: [Op] = []
        ops.reserveCapacity(count)
        var timestamp = header.first
        for offset in 0..<count {
            if offset > 0 {
                if explicit {
                    // Rising strictly, and never past the header's last: the sum cannot overflow.
                    let delta = try reader.readVarint()
                    guard delta >= 1, delta <= header.last.rawValue - timestamp.rawValue else {
                        throw SyncError(.malformedChange, Messages.Sync.opTimestampsNotRising)
                    }
                    timestamp = Timestamp(rawValue: timestamp.rawValue + delta)
                } else {
                    timestamp = timestamp.advanced(by: 1)
                }
            }
            let id = OpID(timestamp: timestamp, device: author)
            let kind = try reader.readByte()
            let entity = try pick(entities, .entity)
            switch kind {
            case writeKind:
                let field = try pick(names, .fieldName)
                let value = try Value.decode(from: &reader)
                let predecessorCount = try reader.readCount(limit: reader.remaining / 2, .predecessorCount)
                var predecessors: [OpID] = []
                predecessors.reserveCapacity(predecessorCount)
                for _ in 0..<predecessorCount {
                    let device = try pick(devices, .device)
                    // Only an older write can be replaced: a name of a newer one could silence its device.
                    let delta = try reader.readSignedVarint()
                    guard delta >= 1, UInt64(delta) <= id.timestamp.rawValue else {
                        throw SyncError(.malformedChange, Messages.Sync.predecessorNotOlder)
                    }
                    predecessors.append(OpID(timestamp: Timestamp(rawValue: id.timestamp.rawValue - UInt64(delta)), device: device))
                }
                ops.append(Op(id: id, entity: entity, payload: .write(field: field, value: value, predecessors: predecessors)))
            case insertKind:
                let recordKind = try pick(names, .recordKind)
                let fieldCount = try reader.readCount(limit: reader.remaining / 2, .fieldCount)
                var fields: [String: Value] = [:]
                for _ in 0..<fieldCount {
                    let name = try pick(names, .fieldName)
                    guard fields.updateValue(try Value.decode(from: &reader), forKey: name) == nil else {
                        throw SyncError(.malformedChange, Messages.Sync.factFieldTwice)
                    }
                }
                ops.append(Op(id: id, entity: entity, payload: .insert(kind: recordKind, fields: fields)))
            default:
                throw SyncError(.malformedChange, Messages.Sync.unknownOpKind(kind))
            }
        }
        guard timestamp == header.last else { throw SyncError(.malformedChange, Messages.Sync.opTimestampsNotRising) }
        try reader.expectEnd()
        return ops
    }
}
