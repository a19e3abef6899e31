#pragma once

#include "codegen.h"
#include "result.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace SockPlay {

class EndpointPane;
class Workspace;

/// The Code dock's content: the program that does what the current endpoint
/// does (Workspace::currentPane()), in Python, Go or C++ with Qt, generated
/// from the pane's fields as they are now, read-only, with Copy and Save….
///
/// It follows the user: the pane's fields are read again while the view is
/// shown (a few times a second, and at once when the focus or the panes
/// change), and the text changes only when the program does. Children:
/// codeLanguageCombo, codeTitleLabel, codeText, codeCopyButton, codeSaveButton.
class CodeView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeView)
public:
    explicit CodeView(Workspace *workspace, QWidget *parent = nullptr);
    ~CodeView() override;

    ProgramSpec::Language language() const;
    void setLanguage(ProgramSpec::Language language);
    /// The program shown, as generated (file name, source, CMakeLists.txt).
    const GeneratedProgram &program() const { return m_program; }
    /// What it was generated from.
    const ProgramSpec &spec() const { return m_spec; }
    QPlainTextEdit *textEdit() const { return m_text; }

    /// Reads the current pane's fields now (the view also does so by itself).
    void refresh();
    /// Puts the program on the clipboard.
    void copyToClipboard();
    /// Writes the program to path and, for C++, CMakeLists.txt beside it;
    /// the error says which file and why.
    Result saveTo(const QString &path) const;

    /// How often the fields are read again while the view is shown.
    static constexpr int RefreshIntervalMs = 300;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Asks for a file (the program's own name by default) and saves.
    void chooseFileAndSave();
    void applyFonts();
    /// The spec of the pane's endpoint as its fields are now.
    ProgramSpec specOf(EndpointPane *pane) const;

    QPointer<Workspace> m_workspace;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_titleLabel = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QTimer *m_refreshTimer = nullptr;
    ProgramSpec m_spec;
    QString m_paneName;
    bool m_generated = false;
    GeneratedProgram m_program;
    QString m_lastDirectory;
};

} // namespace SockPlay
