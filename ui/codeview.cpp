#include "codeview.h"

#include "codehighlighter.h"
#include "endpointpane.h"
#include "payloadeditor.h"
#include "workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

Result writeFile(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return Result::failure(QObject::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return Result::success();
}

} // namespace

CodeView::CodeView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("codeView"));
    setAccessibleName(tr("Code"));

    auto *languageLabel = new QLabel(tr("&Language:"), this);
    m_languageCombo = new QComboBox(this);
    m_languageCombo->setObjectName(QStringLiteral("codeLanguageCombo"));
    m_languageCombo->setAccessibleName(tr("Code language"));
    for (const ProgramSpec::Language language :
         {ProgramSpec::Language::Python, ProgramSpec::Language::Go, ProgramSpec::Language::Cpp})
        m_languageCombo->addItem(ProgramSpec::languageTitle(language), int(language));
    languageLabel->setBuddy(m_languageCombo);

    m_copyButton = new QPushButton(tr("C&opy"), this);
    m_copyButton->setObjectName(QStringLiteral("codeCopyButton"));
    m_copyButton->setAccessibleName(tr("Copy the program"));
    m_copyButton->setToolTip(tr("Copy the program to the clipboard"));
    m_copyButton->setAutoDefault(false);
    m_saveButton = new QPushButton(tr("Sa&ve…"), this);
    m_saveButton->setObjectName(QStringLiteral("codeSaveButton"));
    m_saveButton->setAccessibleName(tr("Save the program"));
    m_saveButton->setToolTip(tr("Save the program to a file (C++: with its CMakeLists.txt)"));
    m_saveButton->setAutoDefault(false);

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("codeTitleLabel"));
    m_titleLabel->setWordWrap(true);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("codeText"));
    m_text->setAccessibleName(tr("Program text"));
    m_text->setReadOnly(true);
    // Read-only still lets the keyboard move, select and copy.
    m_text->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabChangesFocus(true);
    new CodeHighlighter(m_text->document());

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("codeStatusLabel"));
    m_statusLabel->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(languageLabel);
    bar->addWidget(m_languageCombo);
    bar->addStretch(1);
    bar->addWidget(m_copyButton);
    bar->addWidget(m_saveButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_statusLabel);
    setTabOrder(m_languageCombo, m_copyButton);
    setTabOrder(m_copyButton, m_saveButton);
    setTabOrder(m_saveButton, m_text);
    setFocusProxy(m_languageCombo);

    // No signal says a pane's field changed: its fields are read again while
    // the view is shown (cheap: a config and a comparison), and at once when
    // the user moves between panes.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(RefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &CodeView::refresh);
    // Hidden (as the window opens), nothing is generated: showing it does.
    const auto refreshIfShown = [this] {
        if (isVisible())
            refresh();
    };
    connect(qApp, &QApplication::focusChanged, this, refreshIfShown);
    if (workspace) {
        connect(workspace, &Workspace::paneAdded, this, refreshIfShown);
        connect(workspace, &Workspace::paneClosed, this, refreshIfShown);
    }
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this, refreshIfShown);
    connect(m_copyButton, &QPushButton::clicked, this, &CodeView::copyToClipboard);
    connect(m_saveButton, &QPushButton::clicked, this, &CodeView::chooseFileAndSave);
    applyFonts();
}

ProgramSpec::Language CodeView::language() const
{
    return ProgramSpec::Language(m_languageCombo->currentData().toInt());
}

void CodeView::setLanguage(ProgramSpec::Language language)
{
    m_languageCombo->setCurrentIndex(m_languageCombo->findData(int(language)));
}

ProgramSpec CodeView::specOf(EndpointPane *pane) const
{
    EndpointConfig config = pane->settings();
    // A server on port 0 got its port from the system: the program says that port.
    if (config.role == Role::Server && pane->isRunning() && pane->snapshot().localPort != 0)
        config.port = pane->snapshot().localPort;
    QByteArray message;
    bool macros = false;
    if (config.role == Role::Client) {
        if (const auto *editor = pane->findChild<PayloadEditor *>()) {
            // Macros give other bytes at each send: the program cannot show them.
            macros = editor->mode() == PayloadEditor::Mode::Text && editor->entry().text.contains(QLatin1String("{{"));
            const ParseResult payload = editor->payload();
            if (!macros && editor->mode() != PayloadEditor::Mode::File && payload.ok)
                message = payload.bytes;
        }
    }
    ProgramSpec spec = programFromEndpoint(config, language(), message);
    if (macros)
        spec.notShown.append(tr("The message's macros ({{counter}}, {{time}}, …) are not shown here."));
    return spec;
}

void CodeView::refresh()
{
    EndpointPane *pane = m_workspace ? m_workspace->currentPane() : nullptr;
    if (!pane) {
        m_generated = false;
        m_program = {};
        m_titleLabel->setText(tr("No endpoint: add a server or a client (Endpoints menu)."));
        m_text->clear();
        m_copyButton->setEnabled(false);
        m_saveButton->setEnabled(false);
        return;
    }
    const ProgramSpec spec = specOf(pane);
    if (m_generated && spec == m_spec && pane->name() == m_paneName)
        return;
    m_generated = true;
    m_spec = spec;
    m_paneName = pane->name();
    m_program = generateProgram(spec);
    m_titleLabel->setText(tr("%1 for “%2”: %3")
                              .arg(ProgramSpec::languageTitle(spec.language), m_paneName, m_program.fileName));
    m_titleLabel->setAccessibleName(m_titleLabel->text());
    if (m_text->toPlainText() != m_program.source) {
        // The place the reader was at stays where the text allows.
        const int line = m_text->textCursor().blockNumber();
        m_text->setPlainText(m_program.source);
        QTextCursor cursor(m_text->document()->findBlockByNumber(qMin(line, m_text->document()->blockCount() - 1)));
        m_text->setTextCursor(cursor);
    }
    m_statusLabel->setText(m_program.error.isEmpty() ? QString() : tr("Template problem: %1").arg(m_program.error));
    m_statusLabel->setVisible(!m_statusLabel->text().isEmpty());
    m_copyButton->setEnabled(true);
    m_saveButton->setEnabled(true);
}

void CodeView::copyToClipboard()
{
    refresh();
    QApplication::clipboard()->setText(m_program.source);
    m_statusLabel->setText(tr("Copied %1 to the clipboard.").arg(m_program.fileName));
    m_statusLabel->setVisible(true);
}

Result CodeView::saveTo(const QString &path) const
{
    if (const Result written = writeFile(path, m_program.source); !written)
        return written;
    if (m_program.cmakeLists.isEmpty())
        return Result::success();
    return writeFile(QFileInfo(path).dir().filePath(QStringLiteral("CMakeLists.txt")), m_program.cmakeLists);
}

void CodeView::chooseFileAndSave()
{
    refresh();
    QFileDialog dialog(this, tr("Save the program"),
                       QDir(m_lastDirectory.isEmpty() ? QDir::currentPath() : m_lastDirectory).filePath(m_program.fileName));
    dialog.setObjectName(QStringLiteral("codeSaveFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    if (m_spec.language == ProgramSpec::Language::Cpp)
        dialog.setLabelText(QFileDialog::Accept, tr("Save with CMakeLists.txt"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    m_lastDirectory = QFileInfo(path).absolutePath();
    const Result saved = saveTo(path);
    m_statusLabel->setText(saved ? (m_program.cmakeLists.isEmpty() ? tr("Saved %1.").arg(QDir::toNativeSeparators(path))
                                                                   : tr("Saved %1 and CMakeLists.txt beside it.")
                                                                         .arg(QDir::toNativeSeparators(path)))
                                 : saved.error);
    m_statusLabel->setVisible(true);
}

void CodeView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_refreshTimer->start();
}

void CodeView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refreshTimer->stop();
}

void CodeView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void CodeView::applyFonts()
{
    // Only the family: the size follows the window (zoom, presenter mode).
    QFont mono;
    mono.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    mono.setStyleHint(QFont::Monospace);
    m_text->setFont(mono);
}

CodeView::~CodeView()
{
    // Focus moves while the children go: the application's focusChanged
    // must not reach this half-destroyed widget (UBSan saw it).
    disconnect(qApp, nullptr, this, nullptr);
}

} // namespace SockPlay
