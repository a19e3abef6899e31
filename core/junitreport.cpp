#include "junitreport.h"

#include "scriptrunner.h"

#include <QDateTime>
#include <QDir>
#include <QSaveFile>
#include <QXmlStreamWriter>

namespace SockPlay::JUnitReport {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

/// XML 1.0 cannot carry most control characters, even escaped: a message
/// quoting a peer's bytes shows them as escapes already, but be sure.
QString xmlSafe(const QString &text)
{
    QString safe = text;
    for (QChar &c : safe) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\r')
            c = QChar(0xfffd);
    }
    return safe;
}

} // namespace

Result write(QIODevice *device, const ScriptReport &report)
{
    const QString suite = report.name.isEmpty() ? QStringLiteral("script") : report.name;
    const QString tests = QString::number(report.results.size());
    const QString failures = QString::number(report.count(StepResult::Status::Failed));
    const QString skipped = QString::number(report.results.size() - report.count(StepResult::Status::Passed)
                                            - report.count(StepResult::Status::Failed));
    const QString time = seconds(report.elapsedMs);

    QXmlStreamWriter xml(device);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("sockplay"));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), skipped);
    xml.writeAttribute(QStringLiteral("time"), time);

    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), xmlSafe(suite));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), skipped);
    xml.writeAttribute(QStringLiteral("time"), time);
    xml.writeAttribute(QStringLiteral("timestamp"),
                       QDateTime::currentDateTime().addMSecs(-report.elapsedMs).toString(Qt::ISODate));
    for (qsizetype i = 0; i < report.results.size(); ++i) {
        const StepResult &result = report.results.at(i);
        const QString summary = i < report.steps.size() ? report.steps.at(i).summary() : QString();
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), xmlSafe(suite));
        xml.writeAttribute(QStringLiteral("name"), xmlSafe(QStringLiteral("%1: %2").arg(i + 1).arg(summary)));
        xml.writeAttribute(QStringLiteral("time"), seconds(result.elapsedMs));
        switch (result.status) {
        case StepResult::Status::Passed:
            if (!result.message.isEmpty())
                xml.writeTextElement(QStringLiteral("system-out"), xmlSafe(result.message));
            break;
        case StepResult::Status::Failed:
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("message"), xmlSafe(result.message));
            xml.writeCharacters(xmlSafe(QStringLiteral("step %1 (%2) failed: %3").arg(i + 1).arg(summary, result.message)));
            xml.writeEndElement();
            break;
        case StepResult::Status::Pending:
        case StepResult::Status::Running:
        case StepResult::Status::Skipped:
            xml.writeEmptyElement(QStringLiteral("skipped"));
            xml.writeAttribute(QStringLiteral("message"), QStringLiteral("an earlier step failed"));
            break;
        }
        xml.writeEndElement(); // testcase
    }
    xml.writeEndElement(); // testsuite
    xml.writeEndElement(); // testsuites
    xml.writeEndDocument();
    if (xml.hasError())
        return Result::failure(device->errorString().isEmpty() ? QStringLiteral("cannot write the report")
                                                               : device->errorString());
    return Result::success();
}

Result writeFile(const QString &path, const ScriptReport &report)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    if (const Result written = write(&file, report); !written) {
        file.cancelWriting();
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, written.error));
    }
    if (!file.commit())
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    return Result::success();
}

} // namespace SockPlay::JUnitReport
