import NazorgMessages
public import Foundation
public import NazorgCrypto

/// The sealed, signed envelope of a warm-handover bundle. The sync core knows only bytes: what the bundle says
/// (the plan snapshot, the handover meeting) is the client's business; the server routes it by its header and
/// cannot open it.
///
/// ```
/// "NZHB" | version u8 | bundle 16 | recipient organisation 16 | sender organisation 16 | sender device 16 |
/// created (signed varint, ms) | slot count varint | slots: device 16 + sealed content key 80 |
/// secretstream(inner)
/// inner = varint length + sender certificate (JSON) | varint length + content | signature 64
/// ```
///
/// The content key is sealed (`crypto_box_seal`) to each certified device of the receiving organisation.
/// Every stream chunk carries BLAKE2b-256 of the header as associated data, so no header byte can change
/// unnoticed; the sender's device signs the header hash, its certificate and the content, so the envelope
/// cannot be re-addressed or re-sealed around someone else's content.
public enum HandoverEnvelope {
    /// Format version.
    public static let version: UInt8 = 1
    /// The largest bundle accepted anywhere (16 MiB).
    public static let maxByteCount = 16 << 20
    /// The most devices one bundle is sealed to.
    public static let maxSlots = 1000
    static let magic = Data("NZHB".utf8)
    static let sealedKeyByteCount = SymmetricKey.byteCount + BoxKeyPair.sealOverhead

    /// The clear header: enough to route the bundle and for a device to find its key, nothing about the family.
    public struct Header: Hashable, Sendable {
        /// The bundle's random id.
        public var bundle: ID128
        /// The organisation it is addressed to.
        public var recipient: ID128
        /// The sending organisation.
        public var sender: ID128
        /// The sending device.
        public var senderDevice: DeviceID
        /// When it was made (ms since 1970, the sender's clock).
        public var created: Int64
        /// The devices that can open it.
        public var devices: [DeviceID]
        /// The header's length in bytes (where the encrypted stream starts).
        public var byteCount: Int
    }

    /// An envelope opened and its signature checked: the sender certificate still has to be verified
    /// against the sender organisation's key the receiver trusts.
    public struct Opened: Sendable {
        /// The clear header.
        public var header: Header
        /// The sending device's certificate, as it came in the bundle.
        public var certificate: DeviceCertificate
        /// The content (the client's bundle document).
        public var content: Data
    }

    /// Seals `content` for the devices of `recipient`, signed by the sending device.
    public static func seal(
        content: Data, bundle: ID128, recipient: ID128, devices: [(device: DeviceID, boxKey: Data)],
        certificate: DeviceCertificate, signer: SigningKeyPair, created: Int64
    ) throws -> Data {
        guard (1...maxSlots).contains(devices.count) else {
            throw SyncError(.badBundle, Messages.Sync.bundleSlots(max: maxSlots, got: devices.count))
        }
        guard certificate.signingKey == signer.publicKey else {
            throw SyncError(.badCertificate, Messages.Sync.certificateNotOfSigner)
        }
        let key = try SymmetricKey.random()
        var writer = ByteWriter(capacity: 128 + devices.count * 96)
        writer.writeRaw(magic)
        writer.write(version)
        writer.write(bundle)
        writer.write(recipient)
        writer.write(certificate.organisation)
        writer.write(certificate.device)
        writer.writeSignedVarint(created)
        writer.writeVarint(UInt64(devices.count))
        for slot in devices {
            writer.write(slot.device)
            writer.writeRaw(try BoxKeyPair.seal(key.bytes.unprotectedData(), to: slot.boxKey))
        }
        let header = writer.data
        let headerHash = Self.headerHash(header)
        let certificateBytes = try JSONEncoder().encode(certificate)
        var inner = ByteWriter(capacity: content.count + certificateBytes.count + 96)
        inner.writeBytes(certificateBytes)
        inner.writeBytes(content)
        inner.writeRaw(signer.sign(signedBytes(headerHash: headerHash, certificate: certificateBytes, content: content)))
        let sealed = header + SecretStream.seal(inner.data, associatedData: headerHash, key: key)
        guard sealed.count <= maxByteCount else {
            throw SyncError(.tooLarge, Messages.Sync.bundleWouldBeTooLarge(sealed.count, limit: maxByteCount))
        }
        return sealed
    }

    /// Reads the clear header; throws `badBundle` for anything that is not a whole, known header.
    public static func header(of data: Data) throws -> Header {
        guard data.count <= maxByteCount else { throw SyncError(.badBundle, Messages.Sync.bundleTooLarge(limit: maxByteCount)) }
        guard data.count >= magic.count + 1, data.prefix(magic.count) == magic else {
            throw SyncError(.badBundle, Messages.Sync.notABundle)
        }
        var reader = ByteReader(data.prefix(4096 + maxSlots * (16 + sealedKeyByteCount)), context: .handover)
        do {
            _ = try reader.readRaw(magic.count)
            let version = try reader.readByte()
            guard version == Self.version else {
                throw SyncError(.unsupportedVersion, Messages.Sync.bundleVersion(version, knows: Self.version))
            }
            let bundle = try reader.readID()
            let recipient = try reader.readID()
            let sender = try reader.readID()
            let device = try reader.readID()
            let created = try reader.readSignedVarint()
            let count = try reader.readCount(limit: maxSlots, .devices)
            guard count >= 1 else { throw SyncError(.badBundle, Messages.Sync.bundleSealedToNone) }
            var devices: [DeviceID] = []
            for _ in 0..<count {
                devices.append(try reader.readID())
                _ = try reader.readRaw(sealedKeyByteCount)
            }
            guard data.count - reader.offset >= SecretStream.headerByteCount + SecretStream.chunkOverhead else {
                throw SyncError(.badBundle, Messages.Sync.bundleCutShort)
            }
            return Header(
                bundle: bundle, recipient: recipient, sender: sender, senderDevice: device, created: created, devices: devices,
                byteCount: reader.offset)
        } catch let error as SyncError where error.code == .malformedChange {
            throw SyncError(.badBundle, Messages.Sync.bundleMalformed(error.message))
        }
    }

    /// Opens a bundle as `device` of `organisation`, checks the sender's signature over header, certificate
    /// and content, and that the certificate is the one the header names.
    public static func open(_ data: Data, organisation: ID128, device: DeviceID, box: BoxKeyPair) throws -> Opened {
        let header = try header(of: data)
        guard header.recipient == organisation else {
            throw SyncError(
                .badBundle,
                Messages.Sync.bundleForOtherOrganisation(header.recipient.short, own: organisation.short))
        }
        guard let slot = header.devices.firstIndex(of: device) else {
            throw SyncError(
                .badBundle,
                Messages.Sync.bundleNotForThisDevice(device.short, devices: header.devices.count))
        }
        let slotStart = header.byteCount - (header.devices.count - slot) * (16 + sealedKeyByteCount) + 16
        let sealedKey = data.subdata(in: slotStart..<(slotStart + sealedKeyByteCount))
        let key: SymmetricKey
        do {
            key = try SymmetricKey(bytes: try box.open(sealedKey))
        } catch {
            throw SyncError(.badBundle, Messages.Sync.bundleKeyAltered)
        }
        let headerBytes = data.prefix(header.byteCount)
        let headerHash = Self.headerHash(headerBytes)
        let inner: Data
        do {
            inner = try SecretStream.open(Data(data.dropFirst(header.byteCount)), associatedData: headerHash, key: key)
        } catch let error as CryptoError {
            throw SyncError(.badBundle, Messages.Sync.bundleDoesNotDecrypt(error.message))
        }
        var reader = ByteReader(inner, context: .handoverContents)
        let certificateBytes: Data
        let content: Data
        let signature: Data
        do {
            certificateBytes = try reader.readBytes(limit: 64 << 10)
            content = try reader.readBytes(limit: maxByteCount)
            signature = try reader.readRaw(SigningKeyPair.signatureByteCount)
            try reader.expectEnd()
        } catch {
            throw SyncError(.badBundle, Messages.Sync.bundleContentsMalformed)
        }
        guard let certificate = try? JSONDecoder().decode(DeviceCertificate.self, from: certificateBytes) else {
            throw SyncError(.badBundle, Messages.Sync.bundleCertificateMalformed)
        }
        guard certificate.device == header.senderDevice, certificate.organisation == header.sender else {
            throw SyncError(.badBundle, Messages.Sync.bundleCertificateMismatch)
        }
        guard SigningKeyPair.isValidSignature(
            signature, of: signedBytes(headerHash: headerHash, certificate: certificateBytes, content: content),
            publicKey: certificate.signingKey)
        else {
            throw SyncError(.badSignature, Messages.Sync.bundleSignature(certificate.device.short))
        }
        return Opened(header: header, certificate: certificate, content: content)
    }

    /// BLAKE2b-256 of the whole bundle: what a receipt acknowledges.
    public static func digest(_ data: Data) -> Data {
        GenericHash.hash(data)
    }

    static func headerHash(_ header: some DataProtocol) -> Data {
        GenericHash.hash(Data("nazorg-handover-header-v1".utf8) + Data(header))
    }

    static func signedBytes(headerHash: Data, certificate: Data, content: Data) -> Data {
        var writer = ByteWriter(capacity: content.count + certificate.count + 64)
        writer.writeString("nazorg-handover-signature-v1")
        writer.writeRaw(headerHash)
        writer.writeBytes(certificate)
        writer.writeBytes(content)
        return writer.data
    }
}
