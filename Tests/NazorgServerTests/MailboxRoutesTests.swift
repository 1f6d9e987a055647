import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NazorgCrypto
import NazorgServer
import NazorgSync
import Testing

/// The mailbox: a bundle reaches only its addressee, is checked against the sending device and the registry,
/// and a receipt goes back only for a bundle that was addressed to the receipt's sender.
struct MailboxRoutesTests {
    func bundle(from sender: TestDevice, to devices: [TestDevice], of recipient: ID128, content: String = "plan") throws -> Data {
        try HandoverEnvelope.seal(
            content: Data(content.utf8), bundle: .random(), recipient: recipient, devices: devices.map { ($0.id, $0.box.publicKey) },
            certificate: sender.certificate, signer: sender.signer, created: Int64(Date().timeIntervalSince1970 * 1000))
    }

    @Test func aBundleReachesOnlyItsAddresseeAndAReceiptGoesBack() async throws {
        let server = try ServerFixture()
        let wijkteam = try TestOrg(name: "Wijkteam")
        let other = try TestOrg(name: "Andere organisatie")
        try server.storage.addOrganisation(wijkteam.info)
        try server.storage.addOrganisation(other.info)
        let sender = try server.org.device()
        let receiver = try wijkteam.device()
        let stranger = try other.device()
        let officer = try wijkteam.device(role: .privacyOfficer)
        let sealed = try bundle(from: sender, to: [receiver], of: wijkteam.info.id, content: "Veiligheidsplan Zonnebloem")
        let id = try HandoverEnvelope.header(of: sealed).bundle
        try await server.test { client in
            for device in [sender, receiver, stranger, officer] { #expect(try await client.register(device).status == .created) }
            func post(_ path: String, _ body: Data, as device: TestDevice) async throws -> TestResponse {
                try await client.execute(uri: path, method: .post, headers: device.headers("POST", path, body), body: ByteBuffer(bytes: body))
            }
            func get(_ path: String, as device: TestDevice) async throws -> TestResponse {
                try await client.execute(uri: path, method: .get, headers: device.headers("GET", path, Data()))
            }
            // Only the device the header names may post it; a bundle sealed to a stranger's device is refused.
            #expect(try await post("/v1/mailbox/bundles", sealed, as: try server.org.device()).status == .unauthorized)
            let misaddressed = try bundle(from: sender, to: [stranger], of: wijkteam.info.id)
            #expect(try await post("/v1/mailbox/bundles", misaddressed, as: sender).status == .badRequest)
            var cut = sealed
            cut.removeLast(sealed.count - 40)
            #expect(try await post("/v1/mailbox/bundles", cut, as: sender).status == .badRequest)

            #expect(try await post("/v1/mailbox/bundles", sealed, as: sender).status == .created)
            #expect(try await post("/v1/mailbox/bundles", sealed, as: sender).status == .ok)  // duplicate, same bytes
            #expect(try await post("/v1/mailbox/bundles", sealed, as: receiver).status == .forbidden)  // not its sender

            // The addressee lists and fetches it; another organisation and a privacy officer do not.
            let listed = json(try await get("/v1/mailbox", as: receiver))["items"] as? [[String: Any]] ?? []
            #expect(listed.count == 1 && listed.first?["id"] as? String == id.hex && listed.first?["kind"] as? String == "bundle")
            let fetched = try await get("/v1/mailbox/bundles/\(id.hex)", as: receiver)
            #expect(fetched.status == .ok && Data(fetched.body.readableBytesView) == sealed)
            #expect((json(try await get("/v1/mailbox", as: stranger))["items"] as? [Any])?.isEmpty == true)
            #expect(try await get("/v1/mailbox/bundles/\(id.hex)", as: stranger).status == .notFound)
            #expect(try await get("/v1/mailbox", as: officer).status == .forbidden)

            // The receipt: only by the addressee, for a bundle addressed to it, and it reaches the sender's organisation.
            let receipt = HandoverReceipt(
                bundle: id, digest: HandoverEnvelope.digest(sealed), sender: server.org.info.id, certificate: receiver.certificate,
                time: Int64(Date().timeIntervalSince1970 * 1000), imported: true, signer: receiver.signer)
            let strangerReceipt = HandoverReceipt(
                bundle: id, digest: HandoverEnvelope.digest(sealed), sender: server.org.info.id, certificate: stranger.certificate,
                time: 1, imported: true, signer: stranger.signer)
            #expect(try await post("/v1/mailbox/receipts", try JSONEncoder().encode(strangerReceipt), as: stranger).status == .notFound)
            #expect(try await post("/v1/mailbox/receipts", try JSONEncoder().encode(receipt), as: stranger).status == .forbidden)
            var forged = receipt
            forged.imported = false
            #expect(try await post("/v1/mailbox/receipts", try JSONEncoder().encode(forged), as: receiver).status == .badRequest)
            #expect(try await post("/v1/mailbox/receipts", try JSONEncoder().encode(receipt), as: receiver).status == .created)
            let senderMail = json(try await get("/v1/mailbox", as: sender))["items"] as? [[String: Any]] ?? []
            #expect(senderMail.count == 1 && senderMail.first?["kind"] as? String == "receipt")
            let back = try await get("/v1/mailbox/receipts/\(id.hex)", as: sender)
            #expect(try JSONDecoder().decode(HandoverReceipt.self, from: Data(back.body.readableBytesView)) == receipt)
        }
        // No plaintext of the bundle's content in the server's files.
        #expect(try server.allBytes().range(of: Data("Zonnebloem".utf8)) == nil)
    }
}
