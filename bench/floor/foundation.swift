// Floor: a Swift binary that imports Foundation (and so loads ICU) and prints.
import Foundation
print("gw floor \(ProcessInfo.processInfo.processIdentifier > 0)")
