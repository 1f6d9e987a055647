import Foundation

/// `GET /v1/access`: who holds which key epoch of a section, or of every section of a family, for a device that
/// may write it (to re-key after a withdrawal or revocation, and to give colleagues a new section). Revoked
/// devices are never listed. One definition for server and client.
public struct SectionHolders: Codable, Sendable {
    /// One device's access to one epoch of one section.
    public struct Holder: Codable, Sendable, Hashable {
        /// The section tag.
        public var tag: ID128
        /// The device.
        public var device: DeviceID
        /// The key epoch.
        public var epoch: UInt32
        /// Whether it may write (its own organisation's grant) rather than only read (a share).
        public var writable: Bool

        /// Creates a holder.
        public init(tag: ID128, device: DeviceID, epoch: UInt32, writable: Bool) {
            self.tag = tag
            self.device = device
            self.epoch = epoch
            self.writable = writable
        }
    }

    /// The holders, by section, epoch and device.
    public var holders: [Holder]

    /// Creates a list.
    public init(holders: [Holder]) { self.holders = holders }
}

/// `GET /v1/rotations`: the sections a device may write whose newest epoch a revoked device still holds.
public struct SectionRotations: Codable, Sendable {
    /// One epoch of one section.
    public struct Section: Codable, Sendable, Hashable {
        /// The family.
        public var family: FamilyID
        /// The section tag.
        public var tag: ID128
        /// The newest epoch, which the revoked device holds.
        public var epoch: UInt32

        /// Creates an entry.
        public init(family: FamilyID, tag: ID128, epoch: UInt32) {
            self.family = family
            self.tag = tag
            self.epoch = epoch
        }
    }

    /// The sections to re-key.
    public var sections: [Section]

    /// Creates a list.
    public init(sections: [Section]) { self.sections = sections }
}
