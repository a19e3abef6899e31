#pragma once
// A script run as JUnit XML, the report CI systems (GitLab, Jenkins, GitHub
// actions' test reporters) show: the shape `pytest --junitxml` writes.
//
//   <testsuites name="sockplay" tests="4" failures="1" errors="0" skipped="1" time="1.012">
//     <testsuite name="ping" tests="4" failures="1" errors="0" skipped="1" time="1.012" timestamp="…">
//       <testcase classname="ping" name="1: open client (tcp connect 127.0.0.1:7000)" time="0.002"/>
//       <testcase classname="ping" name="3: expect /^PONG 1$/ on client" time="1.001">
//         <failure message="got &quot;PONX 1&quot; (no match within 1000 ms)">…</failure>
//       </testcase>
//       <testcase classname="ping" name="4: close client" time="0.000"><skipped message="…"/></testcase>
//     </testsuite>
//   </testsuites>

#include "result.h"

class QIODevice;

namespace SockPlay {

struct ScriptReport;

namespace JUnitReport {

/// One testsuite named after the script, one testcase per step, named
/// "N: summary" (N from 1); a failed step has a <failure> with its message,
/// a skipped one <skipped/>. Times in seconds.
Result write(QIODevice *device, const ScriptReport &report);
/// write() to a file through QSaveFile (all or nothing).
Result writeFile(const QString &path, const ScriptReport &report);

} // namespace JUnitReport

} // namespace SockPlay
