/// Identifies one op: its timestamp and author. Ordered by timestamp, then device, a total order.
public struct OpID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// When it was written (hybrid logical clock).
    public var timestamp: Timestamp
    /// Which device wrote it.
    public var device: DeviceID

    /// Creates an op id.
    public init(timestamp: Timestamp, device: DeviceID) {
        self.timestamp = timestamp
        self.device = device
    }

    public static func < (a: OpID, b: OpID) -> Bool {
        (a.timestamp, a.device) < (b.timestamp, b.device)
    }

    public var description: String { "\(timestamp)@\(device.short)" }
}

/// One operation on an entity of a section.
public struct Op: Hashable, Sendable {
    /// What the op does.
    public enum Payload: Hashable, Sendable {
        /// Writes `value` into the register `field`, replacing the writes in `predecessors`.
        case write(field: String, value: Value, predecessors: [OpID])
        /// Creates an insert-only fact record (a contact, an assessment, …); it is never changed afterwards.
        case insert(kind: String, fields: [String: Value])
    }

    /// Unique id; also the op's place in the total order.
    public var id: OpID
    /// The entity written.
    public var entity: EntityID
    /// The operation.
    public var payload: Payload

    /// Creates an op.
    public init(id: OpID, entity: EntityID, payload: Payload) {
        self.id = id
        self.entity = entity
        self.payload = payload
    }
}

/// An op before it is stamped: what a local edit produces, to be batched into a change.
public struct PendingOp: Hashable, Sendable {
    /// The entity written.
    public var entity: EntityID
    /// The operation.
    public var payload: Op.Payload

    /// Creates a pending op.
    public init(entity: EntityID, payload: Op.Payload) {
        self.entity = entity
        self.payload = payload
    }

    /// A register write.
    public static func write(_ entity: EntityID, _ field: String, _ value: Value, replacing: [OpID]) -> PendingOp {
        PendingOp(entity: entity, payload: .write(field: field, value: value, predecessors: replacing))
    }

    /// An insert-only fact record.
    public static func insert(_ entity: EntityID, kind: String, fields: [String: Value]) -> PendingOp {
        PendingOp(entity: entity, payload: .insert(kind: kind, fields: fields))
    }
}
