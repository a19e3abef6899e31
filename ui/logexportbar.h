#pragma once

#include "result.h"

#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace SockPlay {

class ErrorLabel;
class LogAutosave;
class LogExporter;
class LogFilterModel;
class LogModel;
class Session;

/// The log's Export… and Autosave… controls, in the log pane's header row,
/// and the line under it that tells how an export went.
///
/// Export… (Ctrl+E) opens a menu: every event, or only the rows the filter
/// shows; the table's context menu exports the selected rows. A file dialog
/// picks the file, whose extension picks the format (.pcapng, .csv, .jsonl,
/// .ndjson). A LogExporter writes it in slices with a progress bar and
/// Cancel beside the button. Autosave… is a toggle: on, it asks for a file
/// and streams every new event to it (LogAutosave); off, it closes the file.
/// Errors show in the message line and are logged as errors.
class LogExportBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogExportBar)
public:
    enum class Scope : quint8 {
        All,      ///< every row the log keeps
        Filtered, ///< the rows the filter shows
        Selected, ///< the rows selected in the table
    };

    /// table shows model, or filterModel over it.
    LogExportBar(Session *session, LogModel *model, LogFilterModel *filterModel, QTableView *table,
                 QWidget *parent = nullptr);
    ~LogExportBar() override;

    /// The line with the last export's outcome or error; its owner lays it out (under the header row).
    QWidget *messageLine() const { return m_messageLine; }
    LogExporter *exporter() const { return m_exporter; }
    LogAutosave *autosave() const { return m_autosave; }

    /// Asks for a file (a file dialog), then exports these rows to it.
    void chooseFileAndExport(Scope scope);
    /// Exports these rows to path; the outcome shows in the message line.
    Result exportTo(Scope scope, const QString &path);
    /// Turns the autosave on to path (the button shows it), or off.
    Result startAutosave(const QString &path);
    void stopAutosave();
    /// Puts the bar's buttons right after previous in the Tab order (the bar
    /// is made after the table it reads, the buttons sit before it).
    void followInTabOrder(QWidget *previous);
    /// A line of feedback (a copy's row count), replacing the last.
    void showStatus(const QString &message);

private:
    QString chooseFile(const QString &title, const char *objectName);
    void onAutosaveClicked(bool checked);
    void showAutosave();
    void showError(const QString &message);
    void showProgress(bool running);

    Session *m_session = nullptr;
    LogModel *m_model = nullptr;
    LogFilterModel *m_filterModel = nullptr;
    QTableView *m_table = nullptr;
    LogExporter *m_exporter = nullptr;
    LogAutosave *m_autosave = nullptr;
    QPushButton *m_exportButton = nullptr;
    QAction *m_exportAllAction = nullptr;
    QAction *m_exportFilteredAction = nullptr;
    QPushButton *m_autosaveButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QWidget *m_messageLine = nullptr;
    QLabel *m_statusLabel = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    QString m_lastDirectory;
};

} // namespace SockPlay
