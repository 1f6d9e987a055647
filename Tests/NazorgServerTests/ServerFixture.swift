import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NazorgCrypto
import NazorgServer
import NazorgSync

/// An organisation with its signing key, able to certify devices.
struct TestOrg {
    let info: OrganisationInfo
    let signer: SigningKeyPair

    init(name: String = "Vrouwenopvang Test") throws {
        signer = try .generate()
        info = OrganisationInfo(id: .random(), name: name, signingKey: signer.publicKey, boxKey: try BoxKeyPair.generate().publicKey)
    }

    func device(role: DeviceRole = .worker) throws -> TestDevice {
        let signing = try SigningKeyPair.generate()
        let box = try BoxKeyPair.generate()
        var certificate = DeviceCertificate(
            device: DeviceIdentity.id(signingKey: signing.publicKey), worker: "Test", role: role, organisation: info.id, organisationName: info.name,
            signingKey: signing.publicKey, boxKey: box.publicKey, validFrom: Int64(Date().timeIntervalSince1970) - 60,
            validUntil: Int64(Date().timeIntervalSince1970) + 86_400, signature: Data())
        certificate.signature = signer.sign(certificate.signedBytes)
        return TestDevice(certificate: certificate, signer: signing, box: box)
    }
}

/// A device with keys and a certificate; makes signed requests, grants and changes.
struct TestDevice {
    let certificate: DeviceCertificate
    let signer: SigningKeyPair
    let box: BoxKeyPair
    var id: DeviceID { certificate.device }

    func headers(_ method: String, _ path: String, _ body: Data, now: Date = Date()) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in RequestSignature.headers(method: method, path: path, body: body, device: id, signer: signer, now: now) {
            fields[HTTPField.Name(name)!] = value
        }
        return fields
    }

    func grant(_ section: TestSection, to recipient: TestDevice, basis: KeyGrant.Basis, epoch: UInt32 = 1) throws -> KeyGrant {
        try KeyGrant.make(
            family: section.family, tag: section.tag, epoch: epoch,
            contents: .init(name: "core", key: section.key, familySecret: section.secret),
            recipient: recipient.id, recipientBoxKey: recipient.box.publicKey, granter: id, signer: signer, basis: basis,
            basisRecord: basis.isShare ? section.basis : nil)
    }

    func change(_ section: TestSection, sequence: UInt64, value: String = "x", first: Timestamp? = nil, epoch: UInt32 = 1) throws -> SignedChange {
        let start = first ?? Timestamp(millis: UInt64(Date().timeIntervalSince1970 * 1000), counter: UInt16(sequence))
        let header = ChangeHeader(
            family: section.family, sectionTag: section.tag, epoch: epoch, author: id, sequence: sequence,
            previous: Data(count: 32), first: start, opCount: 1, schemaVersion: 1)
        return try SignedChange.seal([.write(.random(), "naam", .string(value), replacing: [])], header: header, key: section.key, signer: signer)
    }
}

/// A (family, section) with its key.
struct TestSection {
    let family = FamilyID.random()
    let tag = ID128.random()
    let key: SymmetricKey
    let secret: SymmetricKey
    /// The consent record a share of this section names.
    let basis = EntityID.random()
    init() throws {
        key = try .random()
        secret = try .random()
    }
}

/// A decoded JSON response body.
func json(_ response: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
}

/// The per-item statuses of a push response.
func statuses(_ response: TestResponse) -> [String] {
    ((json(response)["results"] as? [[String: Any]]) ?? []).compactMap { $0["status"] as? String }
}

func reasons(_ response: TestResponse) -> [String] {
    ((json(response)["results"] as? [[String: Any]]) ?? []).compactMap { $0["reason"] as? String }
}

extension TestClientProtocol {
    func register(_ device: TestDevice) async throws -> TestResponse {
        let body = try JSONEncoder().encode(device.certificate)
        return try await execute(uri: "/v1/devices", method: .post, headers: device.headers("POST", "/v1/devices", body), body: ByteBuffer(bytes: body))
    }

    func push(_ items: [SyncBatch.Item], as device: TestDevice) async throws -> TestResponse {
        try await pushRaw(SyncBatch(items: items).encoded(), as: device)
    }

    func pushRaw(_ body: Data, as device: TestDevice) async throws -> TestResponse {
        try await execute(uri: "/v1/push", method: .post, headers: device.headers("POST", "/v1/push", body), body: ByteBuffer(bytes: body))
    }

    func pull(as device: TestDevice, after: UInt64 = 0, limit: Int = 1000) async throws -> (TestResponse, SyncBatch?) {
        let uri = "/v1/pull?after=\(after)&limit=\(limit)"
        let response = try await execute(uri: uri, method: .get, headers: device.headers("GET", uri, Data()))
        return (response, try? SyncBatch(decoding: Data(response.body.readableBytesView)))
    }
}

/// A server on a temporary SQLite store, with one registered organisation.
struct ServerFixture {
    let directory: URL
    let storage: SQLiteStorage
    let org: TestOrg

    init(limits: ServerLimits = ServerLimits()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-server-\(UUID().uuidString)")
        storage = try SQLiteStorage(directory: directory)
        org = try TestOrg()
        try storage.addOrganisation(org.info)
        self.limits = limits
    }

    let limits: ServerLimits

    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(router: SyncServerApplication.router(storage: storage, limits: limits))
        return try await app.test(.router) { client in try await body(client) }
    }

    func allBytes() throws -> Data {
        var all = Data()
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
            all.append(try Data(contentsOf: file))
        }
        return all
    }
}
