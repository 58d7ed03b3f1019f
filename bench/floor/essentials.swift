// Floor: a Swift binary that imports FoundationEssentials only (no ICU) and prints.
import FoundationEssentials
print("gw floor \(ProcessInfo.processInfo.processIdentifier > 0)")
