#pragma once
// What codegen.cpp and codegenserial.cpp share.

#include "codegen.h"
#include "codetemplate.h"

namespace SockPlay::CodegenDetail {

/// A serial port's program: the device, its settings, the message; what
/// else the endpoint does is listed as not shown.
ProgramSpec serialProgramFromEndpoint(const EndpointConfig &config, ProgramSpec::Language language,
                                      const QByteArray &message);
/// Go's standard library has no serial ports and the C++ programs are Qt
/// network programs: for those the serial port is said not to be shown,
/// in a comment (title: what the program would do).
GeneratedProgram serialNotShown(const ProgramSpec &spec, const QString &title, const QString &fileName);
/// pyserial's constant for the spec's "bytesize", "parity" or "stopbits".
QString pythonSerialConstant(const SerialSpec &spec, const char *what);

/// A relay's Python program (codegenrelay.cpp): the target and the TLS of
/// each side that Python's ssl simply does; the rest listed as not shown.
ProgramSpec relayProgramFromEndpoint(const EndpointConfig &config);
/// Fills a relay template's values and flags (TARGET_HOST, the TLS files, …).
void fillRelayTemplate(const ProgramSpec &spec, CodeTemplate *source);
/// "A TCP relay that passes each client on to HOST:PORT, …".
QString relayTitle(const ProgramSpec &spec);
/// Go and C++: a relay is said not to be shown, in a comment (Python writes it).
GeneratedProgram relayNotShown(const ProgramSpec &spec, const QString &title, const QString &fileName);

} // namespace SockPlay::CodegenDetail
