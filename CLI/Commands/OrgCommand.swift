import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient
import NazorgSync

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "De sleutels van de organisatie (voor de beheerder).",
        subcommands: [Init.self, Certify.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Maak het sleutelpaar van de organisatie.",
            discussion: "Schrijft organisation.pub (openbaar, geef het aan elk apparaat) en organisation.key (geheim, versleuteld met de wachtwoordzin van de beheerder).")
        @Option(help: "De naam van de organisatie.") var name: String
        @Option(help: ArgumentHelp("Map voor de sleutelbestanden.", valueName: "map")) var dir: String

        func run() throws {
            try reportingErrors {
                let passphrase = try Passphrase.read(Messages.CLI.newOrganisationPassphrase, confirm: true)
                let info = try Organisation.create(name: name, directory: URL(fileURLWithPath: dir), passphrase: passphrase)
                say(Messages.Output.organisationCreated(info.id.short, name: info.name, in: dir))
            }
        }
    }

    struct Certify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Onderteken het certificaat van een apparaat (device-request.json).")
        @Argument(help: ArgumentHelp("Het certificaatverzoek van het apparaat.", valueName: "aanvraag")) var request: String
        @Option(name: .customLong("org-key"), help: ArgumentHelp("organisation.key van de organisatie.", valueName: "bestand"))
        var orgKey: String
        @Option(help: ArgumentHelp("Waar het certificaat heen moet.", valueName: "bestand")) var out: String
        @Option(help: "Geldigheid in dagen (1–1825).") var days: Int = 365

        func run() throws {
            try reportingErrors {
                let request = try Profile.readRequest(URL(fileURLWithPath: request))
                let organisation = try Organisation.open(
                    keyFile: URL(fileURLWithPath: orgKey),
                    passphrase: try Passphrase.read(Messages.CLI.organisationPassphrase))
                let certificate = try organisation.certify(request, from: Date(), days: days)
                try certificate.write(to: URL(fileURLWithPath: out))
                say(Messages.Output.certificateWritten(device: certificate.device.short, role: certificate.role.label, to: out))
            }
        }
    }
}
