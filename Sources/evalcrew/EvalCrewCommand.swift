import ArgumentParser
import EvalCrew

@main
struct EvalCrewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evalcrew",
        abstract: "Score, store and compare the outputs of CrewAI content crews.",
        subcommands: []
    )
}
