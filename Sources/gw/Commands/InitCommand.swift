import ArgumentParser
import Foundation
import GatewayKit

extension GW {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a gw.yaml and example pipelines into a folder",
            discussion: """
                Never overwrites: existing files are kept and reported.

                Example:
                  gw init demo && gw serve --config demo/gw.yaml
                """)

        @Argument(help: "Folder to write into (created if missing)") var directory: String = "."

        func run() async throws {
            let files = ExampleFiles.all
            for (relative, text) in files {
                let path = (directory as NSString).appendingPathComponent(relative)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                if FileManager.default.fileExists(atPath: path) {
                    StandardStreams.writeError("kept     \(path)")
                } else {
                    try text.write(toFile: path, atomically: true, encoding: .utf8)
                    StandardStreams.writeError("created  \(path)")
                }
            }
            StandardStreams.write("next: gw serve --config \((directory as NSString).appendingPathComponent("gw.yaml"))")
        }
    }
}

/// The files `gw init` writes.
enum ExampleFiles {
    static let all: [(String, String)] = [("gw.yaml", config), ("pipelines/hello.yaml", hello), ("pipelines/build-and-ship.yaml", ship)]

    static let config = """
        # gw gateway configuration. Every key has a default; see the README for all of them.
        listen: 127.0.0.1:7070
        stateDir: .gw            # database and the bootstrap admin token (.gw/admin.token)
        pipelines: pipelines     # folder of *.yaml pipeline files
        exec:
          allow: [echo, date, uname, sleep, "true"]   # commands exec steps may run (default-deny)

        """

    static let hello = """
        id: hello
        description: Greets whoever you name (also a model on /v1/chat/completions)
        openai: true
        input:
          type: object
          properties:
            name: { type: string, default: world }
        steps:
          - id: greet
            kind: set
            values:
              content: "Hello, ${{ input.name }}!"
        output: ${{ steps.greet.output }}

        """

    static let ship = """
        id: build-and-ship
        description: Build, wait for a person's approval, then ship
        input:
          type: object
          required: [ref]
          properties:
            ref: { type: string, minLength: 1 }
        timeout: 1h
        steps:
          - id: build
            kind: exec
            command: [echo, "building ${{ input.ref }}"]
            timeout: 5m
            retry: { attempts: 2, backoff: 1s }
          - id: ship-ok
            kind: approval
            message: Ship ${{ input.ref }}?
            timeout: 4h
          - id: ship
            kind: exec
            if: ${{ steps.ship-ok.output.decision == 'approved' }}
            command: [echo, "shipped ${{ input.ref }}"]
        output: ${{ steps.ship.output.stdout }}

        """
}
