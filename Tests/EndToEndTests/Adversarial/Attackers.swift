import Foundation
import NazorgCrypto
import NazorgSync

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The parties of the adversarial suite, made in process with real keys, against the real `nazorg-server`
/// binary on loopback: organisations with their signing keys, and devices that sign requests as the CLI does.
struct AttackOrganisation {
    let info: OrganisationInfo
    let signer: SigningKeyPair
    let publicFile: URL

    init(name: String, in directory: URL) throws {
        signer = try .generate()
        info = OrganisationInfo(id: .random(), name: name, signingKey: signer.publicKey, boxKey: try BoxKeyPair.generate().publicKey)
        publicFile = directory.appendingPathComponent("\(info.id.hex).pub")
        try JSONEncoder().encode(info).write(to: publicFile)
    }

    /// A certified device of this organisation (its id bound to its own signing key).
    func device(role: DeviceRole = .worker) throws -> AttackDevice {
        let signer = try SigningKeyPair.generate()
        let box = try BoxKeyPair.generate()
        let certificate = certificate(device: DeviceIdentity.id(signingKey: signer.publicKey), role: role, signingKey: signer.publicKey, boxKey: box.publicKey)
        return AttackDevice(certificate: certificate, signer: signer, box: box)
    }

    /// Certifies whatever it is asked to, as an organisation with its own valid key can.
    func certificate(device: DeviceID, role: DeviceRole = .worker, signingKey: Data, boxKey: Data) -> DeviceCertificate {
        let now = Int64(Date().timeIntervalSince1970)
        var certificate = DeviceCertificate(
            device: device, worker: "Medewerker", role: role, organisation: info.id, organisationName: info.name,
            signingKey: signingKey, boxKey: boxKey, validFrom: now - 60, validUntil: now + 86_400, signature: Data())
        certificate.signature = signer.sign(certificate.signedBytes)
        return certificate
    }
}

/// A device with keys and a certificate.
struct AttackDevice: Sendable {
    let certificate: DeviceCertificate
    let signer: SigningKeyPair
    let box: BoxKeyPair
    var id: DeviceID { certificate.device }
}

/// A server answer.
struct Answer {
    var status: Int
    var body: Data
    var headers: [String: String]
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    var error: String? { json["error"] as? String }
}

/// HTTP to the real server: signed as a device, or with whatever headers an attacker picks.
struct AttackClient {
    let base: URL
    let session = URLSession(configuration: .ephemeral)

    func send(_ method: String, _ path: String, body: Data = Data(), headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        if !body.isEmpty { request.httpBody = body }
        request.timeoutInterval = 30
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] { fields[String(describing: key).lowercased()] = String(describing: value) }
        return Answer(status: http?.statusCode ?? 0, body: data, headers: fields)
    }

    func signed(_ method: String, _ path: String, body: Data = Data(), as device: AttackDevice) async throws -> Answer {
        try await send(
            method, path, body: body,
            headers: RequestSignature.headers(method: method, path: path, body: body, device: device.id, signer: device.signer))
    }

    func register(_ device: AttackDevice) async throws -> Answer {
        try await register(device.certificate, signer: device.signer)
    }

    func register(_ certificate: DeviceCertificate, signer: SigningKeyPair) async throws -> Answer {
        let body = try JSONEncoder().encode(certificate)
        return try await send(
            "POST", "/v1/devices", body: body,
            headers: RequestSignature.headers(method: "POST", path: "/v1/devices", body: body, device: certificate.device, signer: signer))
    }

    /// Whether the server still answers.
    func isAlive() async -> Bool {
        (try? await send("GET", "/healthz"))?.status == 200
    }
}

/// A running server with registered organisations, for one adversarial test.
struct AttackBed {
    let cli: CLIRunner
    let server: ServerRunner
    let client: AttackClient
    let shelter: AttackOrganisation
    let partner: AttackOrganisation

    init(serverArguments: [String] = []) async throws {
        cli = try CLIRunner()
        shelter = try AttackOrganisation(name: "Vrouwenopvang Aanvalregio", in: cli.directory)
        partner = try AttackOrganisation(name: "Wijkteam Aanvalstad", in: cli.directory)
        server = ServerRunner(data: cli.directory.appendingPathComponent("server"))
        try server.addOrganisation(shelter.publicFile)
        try server.addOrganisation(partner.publicFile)
        try await server.start(arguments: serverArguments)
        client = AttackClient(base: URL(string: server.url)!)
    }

    /// VmRSS of the server process.
    var serverResidentBytes: Int { LoadTests.residentBytes(server.process!.processIdentifier) }
}
