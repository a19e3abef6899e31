#include "codetemplate.h"

#include <QRegularExpression>
#include <QStringList>

namespace SockPlay {

CodeTemplate::CodeTemplate(const QString &text)
    : m_text(text)
{
}

void CodeTemplate::setValue(const QString &name, const QString &value)
{
    m_values.insert(name, value);
}

void CodeTemplate::setFlag(const QString &name, bool on)
{
    m_flags.insert(name, on);
}

QString CodeTemplate::render(QString *error) const
{
    static const QRegularExpression sectionMark(QStringLiteral("^\\s*\\{\\{([#^/])([a-z_]+)\\}\\}\\s*$"));
    static const QRegularExpression valueMark(QStringLiteral("\\{\\{([A-Z_]+)\\}\\}"));
    QString problem;
    const auto fail = [&problem](const QString &why) {
        if (problem.isEmpty())
            problem = why;
    };

    // Each open section: its flag's name and whether its lines are kept.
    struct Open
    {
        QString name;
        bool keep = true;
    };
    QList<Open> open;
    QStringList out;
    QStringList lines = m_text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast(); // the file's last newline
    for (const QString &line : std::as_const(lines)) {
        const bool keeping = open.isEmpty() || open.constLast().keep;
        const QRegularExpressionMatch section = sectionMark.match(line);
        if (section.hasMatch()) {
            const QString name = section.captured(2);
            const QChar kind = section.captured(1).at(0);
            if (kind == QLatin1Char('/')) {
                if (open.isEmpty() || open.constLast().name != name)
                    fail(QStringLiteral("{{/%1}} closes no open section").arg(name));
                else
                    open.removeLast();
                continue;
            }
            if (!m_flags.contains(name))
                fail(QStringLiteral("flag '%1' is not set").arg(name));
            const bool on = m_flags.value(name);
            open.append({name, keeping && (kind == QLatin1Char('#') ? on : !on)});
            continue;
        }
        if (!keeping)
            continue;
        QString rendered;
        qsizetype from = 0;
        bool onlyValue = false;
        for (const QRegularExpressionMatch &match : valueMark.globalMatch(line)) {
            const QString name = match.captured(1);
            if (!m_values.contains(name))
                fail(QStringLiteral("value '%1' is not set").arg(name));
            rendered += QStringView(line).mid(from, match.capturedStart() - from);
            rendered += m_values.value(name);
            from = match.capturedEnd();
            onlyValue = match.capturedStart() == 0 && match.capturedEnd() == line.size();
        }
        rendered += QStringView(line).mid(from);
        if (onlyValue && rendered.isEmpty())
            continue; // an empty block (no notes) leaves no blank line behind
        out.append(rendered);
    }
    if (!open.isEmpty())
        fail(QStringLiteral("section '%1' is not closed").arg(open.constLast().name));
    if (error)
        *error = problem;
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace SockPlay
