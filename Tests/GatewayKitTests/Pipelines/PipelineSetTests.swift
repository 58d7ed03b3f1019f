import Testing
@testable import GatewayKit

@Suite struct PipelineSetTests {
    static func pipeline(_ id: String, invoking target: String? = nil, trigger: String? = nil) -> String {
        var yaml = "id: \(id)\n"
        if let trigger { yaml += "triggers:\n  - { id: \(trigger), kind: manual }\n" }
        yaml += "steps:\n  - { id: first, kind: fail, if: 'false' }\n"
        if let target { yaml += "  - id: call\n    kind: invoke\n    pipeline: \(target)\n" }
        return yaml
    }

    @Test func aSetOfValidFilesLoadsEveryPipeline() throws {
        let dir = try PipelineFixtures.folder(["a.yaml": Self.pipeline("a", invoking: "b"), "b.yml": Self.pipeline("b"),
                                               "notes.txt": "ignored"])
        let set = try PipelineSet.load(directory: dir, options: PipelineFixtures.options)
        #expect(Set(set.pipelines.keys) == ["a", "b"])
    }

    @Test func anInvokeCycleAcrossTwoFilesIsNamedAtTheInvokeStep() throws {
        let errors = try PipelineFixtures.setErrors(["a.yaml": Self.pipeline("a", invoking: "b"),
                                                     "b.yaml": Self.pipeline("b", invoking: "a")])
        #expect(errors == ["a.yaml:6:15: invoke cycle a → b → a"])
    }

    @Test func aPipelineInvokingItselfIsACycle() throws {
        let errors = try PipelineFixtures.setErrors(["a.yaml": Self.pipeline("a", invoking: "a")])
        #expect(errors == ["a.yaml:6:15: invoke cycle a → a"])
    }

    @Test func anInvokeOfAnUnknownPipelineIsAnError() throws {
        let errors = try PipelineFixtures.setErrors(["a.yaml": Self.pipeline("a", invoking: "ghost")])
        #expect(errors == ["a.yaml:6:15: invoke of unknown pipeline 'ghost' (known: a)"])
    }

    @Test func anUnknownTargetIsNotReportedWhileAnotherFileFails() throws {
        let errors = try PipelineFixtures.setErrors(["a.yaml": Self.pipeline("a", invoking: "b"), "b.yaml": "id: b\nsteps: x\n"])
        #expect(errors == ["b.yaml:2:8: steps must be a list, found a scalar"])
    }

    @Test func triggerIDsAreUniqueAcrossTheSet() throws {
        let errors = try PipelineFixtures.setErrors(["a.yaml": Self.pipeline("a", trigger: "go"),
                                                     "b.yaml": Self.pipeline("b", trigger: "go")])
        #expect(errors == ["b.yaml:3:11: duplicate trigger id 'go' (also in pipeline 'a', a.yaml:3)"])
    }

    @Test func pipelineIDsAreUniqueAcrossTheSet() throws {
        let errors = try PipelineFixtures.setErrors(["a.yaml": Self.pipeline("same"), "b.yaml": Self.pipeline("same")])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("b.yaml:1:5: duplicate pipeline id 'same' (also in ") == true)
    }

    @Test func errorsOfEveryFileAreReportedTogether() throws {
        let errors = try PipelineFixtures.setErrors(["a.yaml": "id: a\nsteps: [{ id: x, kind: nope }]\n",
                                                     "b.yaml": "id: b\nsteps: [{ id: y, kind: fail, colour: red }]\n"])
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("a.yaml:2:24: unknown step kind 'nope'"))
        #expect(errors[1].hasPrefix("b.yaml:2:30: unknown key 'colour' in fail step 'y'"))
    }
}
