#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace SockPlay {

/// A program text with holes, as the generated-code templates in
/// resources/code/ are written: readable files in the language itself, so a
/// teacher can read and change them without reading C++.
///
/// Two kinds of marks, both `{{…}}`:
///   {{NAME}}      a value (upper case), put in as given; a line holding
///                 nothing but a value that is empty disappears
///   {{#flag}} … {{/flag}}   lines kept only when the flag is set
///   {{^flag}} … {{/flag}}   lines kept only when it is not
/// Section marks stand alone on their line (indentation allowed) and nest.
class CodeTemplate
{
public:
    explicit CodeTemplate(const QString &text);

    void setValue(const QString &name, const QString &value);
    void setFlag(const QString &name, bool on);

    /// The text with sections resolved and values put in. A value or a flag
    /// the template names but nobody set, or a section left open, sets
    /// *error (the text is still what could be made): a template and its
    /// generator cannot drift apart silently.
    QString render(QString *error = nullptr) const;

private:
    QString m_text;
    QHash<QString, QString> m_values;
    QHash<QString, bool> m_flags;
};

} // namespace SockPlay
