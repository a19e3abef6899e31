// The rule parser (the CLI's --reply MATCH=>REPLY;OPTIONS and the rule
// table's text) and the reply templates with their macros.
// Properties: a rule parses, or the error says why; a parsed rule validates
// and prints back to an equal rule; a template that parses expands (with any
// captures) without crashing, or says why.
#include "fuzzsupport.h"
#include "rules.h"

using namespace SockPlay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    QString error;
    if (const std::optional<Rule> rule = Rule::parse(text, &error)) {
        QString why;
        FUZZ_CHECK(rule->validate(&why));
        const std::optional<Rule> again = Rule::parse(rule->toString(), &why);
        FUZZ_CHECK(again && *again == *rule);
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }

    int position = -1;
    const std::optional<ReplyTemplate> reply = ReplyTemplate::parse(text, &error, &position, QStringLiteral("payload"));
    // {{file:PATH}} reads a file when sent: not from a fuzzer's input.
    if (reply && !text.contains(QLatin1String("file"), Qt::CaseInsensitive)) {
        const QList<QByteArray> captures{QByteArrayLiteral("whole"), QByteArrayLiteral("one"), QByteArray()};
        QString why;
        const std::optional<QByteArray> bytes = reply->expand(captures, 42, &why);
        FUZZ_CHECK(bytes || !why.isEmpty());
    }
    return 0;
}
