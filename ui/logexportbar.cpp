#include "logexportbar.h"

#include "errorlabel.h"
#include "eventlog.h"
#include "logautosave.h"
#include "logexporter.h"
#include "logfiltermodel.h"
#include "logmodel.h"
#include "logrows.h"
#include "presentermode.h"
#include "session.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>

namespace SockPlay {

namespace {

/// The formats EventExporter::formatForFileName() knows, for the file dialogs.
const QStringList &nameFilters()
{
    static const QStringList filters{
        QObject::tr("Capture for Wireshark (*.pcapng)"),
        QObject::tr("JSON Lines (*.jsonl *.ndjson)"),
        QObject::tr("CSV (*.csv)"),
    };
    return filters;
}

} // namespace

LogExportBar::LogExportBar(Session *session, LogModel *model, LogFilterModel *filterModel, QTableView *table,
                           QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(model)
    , m_filterModel(filterModel)
    , m_table(table)
    , m_lastDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    setObjectName(QStringLiteral("logExportBar"));
    PresenterMode::markAdvanced(this); // exporting is for after the class
    setAccessibleName(tr("Log export"));
    m_exporter = new LogExporter(this);
    m_autosave = new LogAutosave(session->log(), this);

    // No Alt mnemonic: nearly every letter of the window is taken. Ctrl+E.
    m_exportButton = new QPushButton(tr("Export…"), this);
    m_exportButton->setObjectName(QStringLiteral("logExportButton"));
    m_exportButton->setAccessibleName(tr("Export log"));
    m_exportButton->setToolTip(tr("Write the log to a file (Ctrl+E): .pcapng for Wireshark, .csv or .jsonl"));
    m_exportButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportButton->setAutoDefault(false);
    auto *menu = new QMenu(m_exportButton);
    menu->setObjectName(QStringLiteral("logExportMenu"));
    m_exportAllAction = menu->addAction(tr("&All events…"));
    m_exportAllAction->setObjectName(QStringLiteral("logExportAllAction"));
    m_exportFilteredAction = menu->addAction(tr("&Only the rows the filter shows…"));
    m_exportFilteredAction->setObjectName(QStringLiteral("logExportFilteredAction"));
    m_exportButton->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this,
            [this] { m_exportFilteredAction->setEnabled(m_table->model() == m_filterModel); });
    connect(m_exportAllAction, &QAction::triggered, this, [this] { chooseFileAndExport(Scope::All); });
    connect(m_exportFilteredAction, &QAction::triggered, this, [this] { chooseFileAndExport(Scope::Filtered); });

    m_autosaveButton = new QPushButton(this);
    m_autosaveButton->setObjectName(QStringLiteral("logAutosaveButton"));
    m_autosaveButton->setAccessibleName(tr("Autosave log"));
    m_autosaveButton->setCheckable(true);
    m_autosaveButton->setAutoDefault(false);
    connect(m_autosaveButton, &QPushButton::clicked, this, &LogExportBar::onAutosaveClicked);
    connect(m_autosave, &LogAutosave::failed, this, [this](const QString &reason) {
        showAutosave();
        showError(tr("Autosave stopped: %1").arg(reason));
    });
    showAutosave();

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("logExportProgress"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 16);
    m_cancelButton = new QPushButton(tr("Cancel export"), this);
    m_cancelButton->setObjectName(QStringLiteral("logExportCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel export"));
    m_cancelButton->setAutoDefault(false);
    connect(m_cancelButton, &QPushButton::clicked, m_exporter, &LogExporter::cancel);
    showProgress(false);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_exportButton);
    row->addWidget(m_progress);
    row->addWidget(m_cancelButton);
    row->addWidget(m_autosaveButton);

    // Laid out by the pane, under its header row.
    m_messageLine = new QWidget(this);
    m_messageLine->setObjectName(QStringLiteral("logExportMessages"));
    m_statusLabel = new QLabel(m_messageLine);
    m_statusLabel->setObjectName(QStringLiteral("logExportStatusLabel"));
    m_statusLabel->setAccessibleName(tr("Export status"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);
    m_errorLabel = new ErrorLabel(m_messageLine);
    m_errorLabel->setObjectName(QStringLiteral("logExportErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Export error"));
    auto *lines = new QVBoxLayout(m_messageLine);
    lines->setContentsMargins(0, 0, 0, 0);
    lines->addWidget(m_statusLabel);
    lines->addWidget(m_errorLabel);
    m_statusLabel->setVisible(false);

    connect(m_exporter, &LogExporter::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? int(done * 100 / total) : 100);
    });
    connect(m_exporter, &LogExporter::finished, this, [this](qint64 written, qint64 skipped) {
        showProgress(false);
        const QLocale locale;
        const QString file = QDir::toNativeSeparators(m_exporter->fileName());
        QString text = written == 1 ? tr("Exported 1 event to %1").arg(file)
                                    : tr("Exported %1 events to %2").arg(locale.toString(written), file);
        if (skipped > 0)
            text += tr(" (%1 rows the log dropped meanwhile were skipped)").arg(locale.toString(skipped));
        showStatus(text);
    });
    connect(m_exporter, &LogExporter::failed, this, [this](const QString &reason) {
        showProgress(false);
        showError(tr("Export failed: %1").arg(reason));
    });
    connect(m_exporter, &LogExporter::cancelled, this, [this] {
        showProgress(false);
        showStatus(tr("Export cancelled: %1 was left as it was")
                       .arg(QDir::toNativeSeparators(m_exporter->fileName())));
    });
}

LogExportBar::~LogExportBar()
{
    // The window closes: the autosave keeps what came up to now.
    m_autosave->stop();
}

QString LogExportBar::chooseFile(const QString &title, const char *objectName)
{
    QFileDialog dialog(this, title, m_lastDirectory);
    dialog.setObjectName(QLatin1String(objectName));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters(nameFilters());
    // A name typed without an extension gets the chosen format's.
    dialog.setDefaultSuffix(QStringLiteral("pcapng"));
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog](const QString &filter) {
        const qsizetype star = filter.indexOf(QLatin1String("*."));
        dialog.setDefaultSuffix(filter.mid(star + 2).section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(')')));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    m_lastDirectory = QFileInfo(path).absolutePath();
    return path;
}

void LogExportBar::chooseFileAndExport(Scope scope)
{
    const QString title = scope == Scope::All        ? tr("Export every event")
                          : scope == Scope::Filtered ? tr("Export the filtered rows")
                                                     : tr("Export the selected rows");
    const QString path = chooseFile(title, "logExportFileDialog");
    if (!path.isEmpty())
        exportTo(scope, path);
}

Result LogExportBar::exportTo(Scope scope, const QString &path)
{
    std::unique_ptr<LogRows> rows;
    const bool filtered = m_table->model() == m_filterModel;
    if (scope == Scope::Selected && m_table->selectionModel()) {
        rows = LogRows::selected(m_table->selectionModel()->selection(), m_model, filtered ? m_filterModel : nullptr);
    } else if (scope == Scope::Filtered && filtered) {
        if (m_filterModel->scanner()->isScanning()) {
            showError(tr("The filter is still going through the log: export its rows when it is done"));
            return Result::failure(tr("the filter is still scanning"));
        }
        rows = LogRows::filtered(m_filterModel);
    } else {
        rows = LogRows::all(m_session->log());
    }
    const Result started = m_exporter->start(std::move(rows), path);
    if (!started) {
        showError(tr("Export failed: %1").arg(started.error));
        return started;
    }
    m_errorLabel->clearError();
    m_statusLabel->setVisible(false);
    m_progress->setValue(0);
    showProgress(true);
    return started;
}

void LogExportBar::onAutosaveClicked(bool checked)
{
    if (!checked) {
        stopAutosave();
        return;
    }
    m_autosaveButton->setChecked(false); // until a file is open
    const QString path = chooseFile(tr("Autosave the log to"), "logAutosaveFileDialog");
    if (!path.isEmpty())
        startAutosave(path);
}

Result LogExportBar::startAutosave(const QString &path)
{
    const Result started = m_autosave->start(path);
    if (started)
        m_errorLabel->clearError();
    else
        showError(tr("Autosave failed: %1").arg(started.error));
    showAutosave();
    return started;
}

void LogExportBar::stopAutosave()
{
    if (!m_autosave->isActive())
        return;
    m_autosave->stop();
    showAutosave();
    showStatus(tr("Autosave off: %1 events written to %2")
                   .arg(QLocale().toString(m_autosave->written()),
                        QDir::toNativeSeparators(m_autosave->fileName())));
}

void LogExportBar::showAutosave()
{
    const bool on = m_autosave->isActive();
    m_autosaveButton->setChecked(on);
    if (on) {
        const QString file = QDir::toNativeSeparators(m_autosave->fileName());
        m_autosaveButton->setText(tr("Autosave: %1").arg(QFileInfo(file).fileName()));
        m_autosaveButton->setToolTip(tr("Every new event is written to %1; click to stop").arg(file));
    } else {
        m_autosaveButton->setText(tr("Autosave…"));
        m_autosaveButton->setToolTip(tr("Write every new event to a file as it arrives (.jsonl, .ndjson, .pcapng or .csv)"));
    }
}

void LogExportBar::showProgress(bool running)
{
    m_progress->setVisible(running);
    m_cancelButton->setVisible(running);
    m_exportButton->setEnabled(!running);
}

void LogExportBar::followInTabOrder(QWidget *previous)
{
    // As the row reads: Export…, Cancel (while exporting), Autosave….
    setTabOrder(previous, m_exportButton);
    setTabOrder(m_exportButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_autosaveButton);
}

void LogExportBar::showStatus(const QString &message)
{
    m_statusLabel->setText(message);
    m_statusLabel->setAccessibleName(tr("Export status: %1").arg(message));
    m_statusLabel->setVisible(!message.isEmpty());
}

void LogExportBar::showError(const QString &message)
{
    m_statusLabel->setVisible(false);
    m_errorLabel->showError(message);
    // Errors are events: the log tells it too, with no endpoint behind it.
    static const EventSourcePtr source =
        makeEventSource(0, 0, QStringLiteral("log"), QHostAddress(), 0, QHostAddress(), 0);
    m_session->log()->append(EventKind::Error, source, {}, -1, -1, message);
}

} // namespace SockPlay
