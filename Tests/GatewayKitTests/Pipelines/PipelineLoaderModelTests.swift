import Testing
@testable import GatewayKit

@Suite struct PipelineLoaderModelTests {
    static let everyKind = """
        id: every-kind
        description: One step of each kind
        input:
          type: object
          required: [ref]
          properties:
            ref: { type: string, minLength: 1 }
            count: { type: integer, default: 2 }
        timeout: 1h
        openai: true
        triggers:
          - { id: nightly, kind: schedule, cron: "0 3 * * *", timezone: Europe/Berlin, overlap: queue, input: { ref: main } }
          - { id: gh-push, kind: webhook, path: github, secretEnv: GH_SECRET, signature: github, input: { ref: "${{ webhook.body.ref }}" } }
          - { id: by-hand, kind: manual }
        steps:
          - id: build
            kind: exec
            run: make build REF=${{ input.ref }}
            env: { TOKEN: "${{ secrets.GH_TOKEN }}" }
            parse: lines
            timeout: 10m
            retry: { attempts: 3, backoff: 2s, factor: 3, maxDelay: 1m }
          - id: tag
            kind: exec
            command: [git, tag, "${{ input.ref }}"]
            cwd: /src
            stdin: hello
            retry: 2
            continueOnError: true
          - id: notify
            kind: http
            if: steps.build.status == 'completed'
            url: https://example.com/hook
            method: post
            headers: { X-Ref: "${{ input.ref }}" }
            query: { q: "1" }
            body: { lines: "${{ steps.build.output.lines }}", fixed: 1 }
            expectStatus: [200, 202]
          - { id: facts, kind: set, values: { ref: "${{ input.ref }}", n: 3 } }
          - { id: nap, kind: sleep, duration: 1m30s }
          - { id: later, kind: sleep, until: "2026-11-29T18:00:00Z" }
          - { id: form, kind: wait, message: Fill it, timeout: 1d, onTimeout: continue, schema: { type: object, properties: { ok: { type: boolean } } } }
          - { id: ship-ok, kind: approval, message: "Ship ${{ input.ref }}?", approvers: [alice, bob], timeout: 4h, onTimeout: fail, onDeny: continue }
          - id: fan
            kind: parallel
            maxConcurrency: 2
            failFast: false
            steps:
              - { id: left, kind: set, values: { side: left } }
              - { id: right, kind: set, values: { side: "${{ steps.facts.output.ref }}" } }
          - id: each
            kind: foreach
            items: ${{ steps.build.output.lines }}
            as: line
            concurrency: 4
            steps:
              - { id: echo-line, kind: exec, command: [echo, "${{ line }}", "${{ index }}"] }
              - { id: after-echo, kind: set, values: { prev: "${{ steps.echo-line.output.stdout }}" } }
          - { id: child, kind: invoke, pipeline: other, input: { ref: "${{ input.ref }}" } }
          - { id: ask, kind: infer, backend: local, model: m, system: be brief, prompt: "Summarise ${{ steps.fan.output }}", temperature: 0.2, maxTokens: 100, json: true }
          - { id: code, kind: agent, agent: coder, prompt: fix it, session: "${{ input.ref }}", permissions: deny, cwd: /src }
          - { id: stop, kind: fail, if: "${{ steps.ship-ok.output.decision == 'denied' }}", message: "denied by ${{ steps.ship-ok.output.actor }}" }
        output: { shipped: "${{ steps.ship-ok.output.decision }}", left: "${{ steps.left.output.side }}" }
        """

    @Test func aPipelineWithEveryKindLoadsIntoTheTypedModel() throws {
        let p = try PipelineLoader.parse(Self.everyKind, file: "every.yaml", options: PipelineFixtures.options)
        #expect(p.id == "every-kind")
        #expect(p.description == "One step of each kind")
        #expect(p.timeout == 3600)
        #expect(p.openai)
        #expect(p.version.count == 16)
        #expect(p.inputSchema?["required"] == ["ref"])
        #expect(p.triggers.map(\.id) == ["nightly", "gh-push", "by-hand"])
        #expect(p.triggers[0].fields["cron"] == "0 3 * * *")
        #expect(p.triggers[0].fields["input"] == ["ref": "main"])
        #expect(p.triggers[1].kind == "webhook")
        #expect(p.steps.map(\.kind) == ["exec", "exec", "http", "set", "sleep", "sleep", "wait", "approval",
                                        "parallel", "foreach", "invoke", "infer", "agent", "fail"])
        #expect(p.steps.flatMap(\.children).map(\.id) == ["left", "right", "echo-line", "after-echo"])
        #expect(p.output != nil)
    }

    @Test func execAndHTTPStepsKeepTheirFields() throws {
        let steps = try PipelineLoader.parse(Self.everyKind, file: "every.yaml", options: PipelineFixtures.options).steps
        guard case .exec(let build) = steps[0].config, case .exec(let tag) = steps[1].config,
            case .http(let http) = steps[2].config
        else { Issue.record("wrong kinds"); return }
        #expect(build.run?.text == "make build REF=${{ input.ref }}")
        #expect(build.command == nil)
        #expect(build.env["TOKEN"]?.references == [["secrets", "GH_TOKEN"]])
        #expect(build.parse == .lines)
        #expect(steps[0].timeout == 600)
        #expect(steps[0].retry == RetryPolicy(attempts: 3, backoff: 2, factor: 3, maxDelay: 60))
        #expect(tag.command?.map(\.text) == ["git", "tag", "${{ input.ref }}"])
        #expect(tag.cwd?.text == "/src")
        #expect(tag.stdin?.text == "hello")
        #expect(tag.parse == .text)
        #expect(steps[1].retry == RetryPolicy(attempts: 2))
        #expect(steps[1].continueOnError)
        #expect(http.method == "POST")
        #expect(http.url.text == "https://example.com/hook")
        #expect(http.headers["X-Ref"]?.text == "${{ input.ref }}")
        #expect(http.query["q"]?.text == "1")
        #expect(http.body?.references == [["steps", "build", "output", "lines"]])
        #expect(http.expectStatus == [200, 202])
        #expect(steps[2].condition?.references == [["steps", "build", "status"]])
    }

    @Test func theOtherKindsKeepTheirFields() throws {
        let steps = try PipelineLoader.parse(Self.everyKind, file: "every.yaml", options: PipelineFixtures.options).steps
        guard case .set(let values) = steps[3].config, case .sleep(let nap, nil) = steps[4].config,
            case .sleep(nil, let until?) = steps[5].config, case .wait(let wait) = steps[6].config,
            case .approval(let approval) = steps[7].config, case .parallel(let parallel) = steps[8].config,
            case .foreach(let foreach) = steps[9].config, case .invoke("other", let input?) = steps[10].config,
            case .infer(let infer) = steps[11].config, case .agent(let agent) = steps[12].config,
            case .fail(let message) = steps[13].config
        else { Issue.record("wrong kinds"); return }
        #expect(Set(values.keys) == ["ref", "n"])
        #expect(nap == 90)
        #expect(until.text == "2026-11-29T18:00:00Z")
        #expect(wait.message?.text == "Fill it")
        #expect(wait.timeout == 86400)
        #expect(wait.onTimeout == .continue)
        #expect(wait.schema?["type"] == "object")
        #expect(approval.approvers == ["alice", "bob"])
        #expect(approval.onTimeout == .fail && approval.onDeny == .continue && approval.timeout == 14400)
        #expect(parallel.maxConcurrency == 2 && !parallel.failFast && parallel.steps.count == 2)
        #expect(foreach.itemName == "line" && foreach.concurrency == 4 && foreach.steps.count == 2)
        #expect(foreach.items.references == [["steps", "build", "output", "lines"]])
        #expect(input.references == [["input", "ref"]])
        #expect(Set(infer.keys) == ["backend", "model", "system", "prompt", "temperature", "maxTokens", "json"])
        #expect(Set(agent.keys) == ["agent", "prompt", "session", "permissions", "cwd"])
        #expect(message.text == "denied by ${{ steps.ship-ok.output.actor }}")
        #expect(steps[13].condition?.references == [["steps", "ship-ok", "output", "decision"]])
    }

    @Test func defaultsApplyWhenFieldsAreLeftOut() throws {
        let yaml = """
            id: defaults
            steps:
              - { id: get, kind: http, url: "https://x" }
              - { id: w, kind: wait }
              - { id: a, kind: approval }
              - { id: p, kind: parallel, steps: [{ id: f, kind: fail }] }
              - { id: e, kind: foreach, items: [1, 2], steps: [{ id: s, kind: set, values: { v: "${{ item }}" } }] }
            """
        let steps = try PipelineLoader.parse(yaml, file: "d.yaml", options: PipelineFixtures.options).steps
        guard case .http(let http) = steps[0].config, case .wait(let wait) = steps[1].config,
            case .approval(let approval) = steps[2].config, case .parallel(let parallel) = steps[3].config,
            case .foreach(let foreach) = steps[4].config, case .fail(let message) = parallel.steps[0].config
        else { Issue.record("wrong kinds"); return }
        #expect(http.method == "GET" && http.expectStatus == nil && http.headers.isEmpty)
        #expect(wait.onTimeout == .fail && wait.timeout == nil)
        #expect(approval.onTimeout == .deny && approval.onDeny == .fail && approval.approvers.isEmpty)
        #expect(parallel.failFast && parallel.maxConcurrency == nil)
        #expect(foreach.itemName == "item" && foreach.concurrency == 1)
        #expect(message.isLiteral)
        #expect(steps[0].retry == nil && !steps[0].continueOnError)
    }

    @Test func theVersionIsTheContentHashOfTheFile() throws {
        let dir = try PipelineFixtures.folder(["a.yaml": "id: a\nsteps: [{ id: s, kind: fail }]\n"])
        let first = try PipelineLoader.load(file: dir + "/a.yaml", options: PipelineFixtures.options)
        let again = try PipelineLoader.parse("id: a\nsteps: [{ id: s, kind: fail }]\n", file: "x", options: PipelineFixtures.options)
        let other = try PipelineLoader.parse("id: a\nsteps: [{ id: t, kind: fail }]\n", file: "x", options: PipelineFixtures.options)
        #expect(first.version == again.version)
        #expect(first.version != other.version)
        #expect(first.source == dir + "/a.yaml")
    }
}
