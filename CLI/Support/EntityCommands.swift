import NazorgMessages
import ArgumentParser
import NazorgClient
import NazorgSync
import NazorgModel

/// `nazorg <kind> add FAMILY --field …`: adds an entity of one kind to a family plan.
struct AddCommand<Fields: FieldSet>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Fields.addCommandName,
            abstract: "Voeg \(Fields.noun) toe aan het gezinsplan.",
            discussion: !Fields.kind.isFact
                ? "Verplichte velden staan bij de opties. Wijzig later met 'update'."
                : Fields.kind.correctionField != nil
                    ? "Dit is een vastgelegd feit: het wordt nooit gewijzigd. Corrigeer met een nieuw record dat --corrigeert gebruikt."
                    : "Dit is een vastgelegd feit: het wordt nooit gewijzigd. \(Fields.replacementHint)",
            aliases: Fields.addAliases)
    }

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var family: FamilyArgument
    @OptionGroup var fields: Fields

    func run() throws {
        try reportingErrors {
            let workspace = try profile.workspace()
            let id = try workspace.add(Fields.kind, to: try workspace.family(family.family), fields.inputs)
            say(Messages.Output.added(Fields.kind.rawValue, id.short))
        }
    }
}

/// `nazorg <kind> update FAMILY ID --field …`: changes fields of an entity.
struct UpdateCommand<Fields: FieldSet>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "update",
            abstract: "Wijzig velden van \(Fields.noun). Alleen de gegeven velden veranderen.")
    }

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var family: FamilyArgument
    @Argument(help: ArgumentHelp("Het id (of de eerste cijfers) van \(Fields.noun) om te wijzigen.", valueName: "id"))
    var id: String
    @OptionGroup var fields: Fields

    func validate() throws {
        guard !fields.inputs.isEmpty else { throw ValidationError(Messages.CLI.giveAField) }
    }

    func run() throws {
        try reportingErrors {
            let workspace = try profile.workspace()
            try workspace.update(id, in: try workspace.family(family.family), fields.inputs)
            say(Messages.Output.updated(Fields.kind.rawValue, id))
        }
    }
}
