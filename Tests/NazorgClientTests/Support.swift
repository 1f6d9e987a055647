import Foundation
import NazorgClient
import NazorgCrypto
import NazorgModel
import NazorgStore
import NazorgSync

/// The repository's `Fixtures/` folder.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

/// An organisation with certified worker profiles, in a temporary directory removed afterwards.
final class TestOrganisation {
    let root: URL
    let info: OrganisationInfo
    let organisation: Organisation
    static let passphrase = Data("correct horse battery staple".utf8)

    init(name: String = "Vrouwenopvang Testregio") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-client-\(UUID().uuidString)")
        info = try Organisation.create(name: name, directory: root.appendingPathComponent("org"), passphrase: Self.passphrase)
        organisation = try Organisation.open(keyFile: root.appendingPathComponent("org/organisation.key"), passphrase: Self.passphrase)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A certified worker profile, opened.
    func worker(_ name: String) throws -> Profile {
        let directory = root.appendingPathComponent(name)
        let request = try Profile.create(directory: directory, worker: name, role: .worker, organisation: info, passphrase: Self.passphrase)
        do {
            // Released before reopening: one handle per profile at a time.
            let profile = try Profile.open(directory: directory, passphrase: Self.passphrase)
            try profile.install(certificate: try organisation.certify(request, from: Date(), days: 30))
        }
        return try Profile.open(directory: directory, passphrase: Self.passphrase)
    }
}

extension Workspace {
    /// Imports a fixture by file name.
    func importFixture(_ name: String) throws -> FamilyID {
        try importFamily(try FamilyFixture.read(fixtures.appendingPathComponent("families/\(name).json")))
    }
}

/// Gives `to` the keys `from` holds for a family and exchanges all changes both ways, as sync will.
/// (Key grants through the server come with the sync issue; here the test hands the keys over.)
func shareKeys(of family: FamilyID, from: Profile, to: Profile) throws {
    for record in try from.store.sectionKeys(family) where try !to.store.sectionKeys(family).contains(where: { $0.tag == record.tag }) {
        try to.store.addSectionKey(record, family: family)
    }
}

func exchange(_ a: Profile, _ b: Profile) throws {
    let keys = [a.device: a.author.signer.publicKey, b.device: b.author.signer.publicKey]
    let now = UInt64(Date().timeIntervalSince1970 * 1000)
    let fromA = try a.store.changes()
    let fromB = try b.store.changes()
    let reportB = try b.store.apply(fromA, authorKey: { keys[$0] }, wallMillis: now)
    let reportA = try a.store.apply(fromB, authorKey: { keys[$0] }, wallMillis: now)
    precondition(reportA.rejected.isEmpty && reportB.rejected.isEmpty, "exchange rejected changes")
}
