#pragma once
// Helpers shared by the window's tests (tst_ui_*).

#include <QDialog>
#include <QFileDialog>
#include <QLineEdit>

namespace SockPlay::Test {

/// Chooses path in an open QFileDialog and accepts it, as a user who types
/// the name and presses Open/Save does. QFileDialog::selectFile() leaves the
/// file-name field alone while that field has the focus, which it gets once
/// the dialog is shown: a test that answered with selectFile() alone found
/// nothing chosen on a loaded machine, and the dialog stayed open for good.
inline void chooseInFileDialog(QFileDialog *dialog, const QString &path)
{
    dialog->selectFile(path);
    if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
        name->setText(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept checks the file, as its button does
}

} // namespace SockPlay::Test
