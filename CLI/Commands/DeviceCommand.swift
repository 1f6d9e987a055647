import NazorgMessages
import ArgumentParser
import Foundation
import NazorgClient
import NazorgSync

struct DeviceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "Het profiel van dit apparaat: sleutels en certificaat.",
        subcommands: [Init.self, InstallCertificate.self, Show.self, RevokeDeviceCommand.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Maak een apparaatprofiel met eigen sleutels.",
            discussion: "De geheime sleutels worden versleuteld met een sleutel die met Argon2id uit uw wachtwoordzin wordt afgeleid. Daarna: laat de beheerder device-request.json certificeren ('nazorg org certify').")
        @OptionGroup var profile: ProfileOptions
        @Option(help: "Uw naam zoals die in logboeken verschijnt.") var worker: String
        @Option(help: ArgumentHelp("Rol: worker, privacy-officer of admin.")) var role: String = "worker"
        @Option(help: ArgumentHelp("organisation.pub van uw organisatie.", valueName: "bestand")) var org: String

        func validate() throws {
            guard DeviceRole(rawValue: role) != nil else {
                throw ValidationError(Messages.CLI.oneOf("--role", DeviceRole.allCases.map(\.rawValue)))
            }
        }

        func run() throws {
            try reportingErrors {
                let organisation = try Organisation.readInfo(URL(fileURLWithPath: org))
                let passphrase = try Passphrase.read(Messages.CLI.newProfilePassphrase, confirm: true)
                let request = try Profile.create(
                    directory: profile.directory, worker: worker, role: DeviceRole(rawValue: role)!,
                    organisation: organisation, passphrase: passphrase)
                say(Messages.Output.deviceCreated(request.device.short, request: profile.directory.appendingPathComponent("device-request.json").path, organisation: organisation.name))
            }
        }
    }

    struct InstallCertificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install-certificate", abstract: "Installeer het certificaat dat de beheerder ondertekende.")
        @OptionGroup var profile: ProfileOptions
        @Argument(help: ArgumentHelp("Het certificaatbestand.", valueName: "certificaat")) var certificate: String

        func run() throws {
            try reportingErrors {
                let opened = try Profile.open(directory: profile.directory, passphrase: try Passphrase.read(Messages.CLI.profilePassphrase))
                try opened.install(certificate: try Profile.readCertificate(URL(fileURLWithPath: certificate)))
                say(Messages.Output.certificateInstalled)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon apparaat, organisatie en certificaat.")
        @OptionGroup var profile: ProfileOptions

        func run() throws {
            try reportingErrors {
                let opened = try Profile.open(directory: profile.directory, passphrase: try Passphrase.read(Messages.CLI.profilePassphrase))
                say(Messages.Output.deviceLine(opened.device.hex))
                say(Messages.Output.organisationLine(opened.organisation.name, id: opened.organisation.id.short))
                if let c = opened.certificate {
                    say(Messages.Output.certificateLine(worker: c.worker, role: c.role.label, until: c.validUntilDay))
                } else {
                    say(Messages.Output.noCertificateYet)
                }
            }
        }
    }
}
