public import Foundation

// The JSON messages of the sync protocol (`docs/sync-protocol.md`), one definition for the server that encodes
// them and the client that decodes them: a field added on one side is a field of the other. The binary formats
// (changes, grants, batches, bundles) have their own types; `SyncBatch.ItemKind` names their item kinds.

/// What a pushed or stored item is: the word a push answer uses (its raw value), and the tag byte in a batch,
/// which is also the kind the server stores (`byte`).
public enum ItemKind: String, Codable, Sendable, CaseIterable {
    case change
    case grant

    /// 1 for a change, 2 for a key grant.
    public var byte: UInt8 {
        switch self {
        case .change: 1
        case .grant: 2
        }
    }

    /// The kind a batch or stored byte names; nil for a byte the protocol does not have.
    public init?(byte: UInt8) {
        guard let kind = Self.allCases.first(where: { $0.byte == byte }) else { return nil }
        self = kind
    }
}

/// What became of one pushed item or share-log leaf.
public enum ItemStatus: String, Codable, Sendable {
    /// Stored now.
    case accepted
    /// The same bytes were stored before: nothing changed.
    case duplicate
    /// Refused, with a reason; nothing of it is stored.
    case rejected
}

/// `POST /v1/push`: the answer, one result per pushed item in order.
public struct PushAnswer: Codable, Sendable, Hashable {
    /// A rejection that retrying can never change.
    public enum Code: String, Codable, Sendable {
        /// The grant's recipient device is revoked: the client drops the grant (a new epoch replaces its key).
        case recipientRevoked = "recipient-revoked"
    }

    /// The answer for one pushed item.
    public struct Result: Codable, Sendable, Hashable {
        /// Change or grant id, hex.
        public var id: String
        public var kind: ItemKind
        public var status: ItemStatus
        /// Why it was rejected (Dutch, from the catalogue; shown to the worker).
        public var reason: String?
        public var code: Code?
        /// The server sequence number it is stored under.
        public var sequence: UInt64?

        public init(id: String, kind: ItemKind, status: ItemStatus, reason: String? = nil, code: Code? = nil, sequence: UInt64? = nil) {
            self.id = id
            self.kind = kind
            self.status = status
            self.reason = reason
            self.code = code
            self.sequence = sequence
        }
    }

    public var results: [Result]

    public init(results: [Result]) { self.results = results }
}

/// `GET /v1/digest`: how many changes the server holds of a section and their digest (`SectionDigest`).
public struct DigestAnswer: Codable, Sendable, Hashable {
    public var count: Int
    /// BLAKE2b-256 over the change ids in ascending byte order, hex.
    public var hash: String

    public init(count: Int, hash: String) {
        self.count = count
        self.hash = hash
    }
}

/// `GET /v1/organisations/{id}/devices`: an organisation's certified, unrevoked devices. The client verifies
/// every certificate against the organisation key it pinned itself, never the server's word.
public struct DeviceList: Codable, Sendable {
    public var devices: [DeviceCertificate]

    public init(devices: [DeviceCertificate]) { self.devices = devices }
}

/// `GET /v1/audit/key`: the server's share-log signing key, pinned by the client at first use.
public struct LogKeyAnswer: Codable, Sendable, Hashable {
    public var key: Data

    public init(key: Data) { self.key = key }
}

/// `POST /v1/devices` (201) and `POST /v1/revocations` (200): which device, and what it is now.
public struct DeviceAnswer: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        case registered
        case revoked
    }

    /// The device id, hex.
    public var device: String
    public var status: Status

    public init(device: String, status: Status) {
        self.device = device
        self.status = status
    }
}

/// `GET /v1/mailbox`: the bundles and receipts addressed to the caller's organisation, without their bytes.
public struct MailboxListing: Codable, Sendable, Hashable {
    public var items: [MailboxEntry]

    public init(items: [MailboxEntry]) { self.items = items }
}

/// A bundle or receipt in the mailbox, as the listing names it.
public struct MailboxEntry: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case bundle
        case receipt
    }

    /// Mailbox order.
    public var sequence: UInt64
    public var kind: Kind
    /// The bundle id (hex).
    public var id: String
    /// The sending organisation (hex).
    public var sender: String
    /// The sending device (hex).
    public var senderDevice: String
    /// Server time of arrival (ms).
    public var received: Int64
    /// Size in bytes.
    public var size: Int

    public init(sequence: UInt64, kind: Kind, id: String, sender: String, senderDevice: String, received: Int64, size: Int) {
        self.sequence = sequence
        self.kind = kind
        self.id = id
        self.sender = sender
        self.senderDevice = senderDevice
        self.received = received
        self.size = size
    }
}

/// `POST /v1/mailbox/{bundles,receipts}`: stored now (201) or held already with the same bytes (200).
public struct MailboxPostAnswer: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        case stored
        case duplicate
    }

    /// The item's id, hex.
    public var id: String
    public var status: Status

    public init(id: String, status: Status) {
        self.id = id
        self.status = status
    }
}
