#include "storeopener.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace sitrep {

std::shared_ptr<Database> openStoreInteractively(const QString &initialPath, QWidget *parent)
{
    QString path = initialPath;
    for (;;) {
        Result<std::shared_ptr<Database>> db = Database::open(path);
        if (db)
            return db.value();
        QMessageBox box(QMessageBox::Critical, QObject::tr("Sitrep cannot open the incident store"),
                        db.error().message, QMessageBox::NoButton, parent);
        box.setInformativeText(QObject::tr("Nothing was changed. You can open another store file, or quit."));
        QPushButton *other = box.addButton(QObject::tr("Open another store…"), QMessageBox::AcceptRole);
        box.addButton(QObject::tr("Quit"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != other)
            return nullptr;
        const QString chosen = QFileDialog::getSaveFileName(parent, QObject::tr("Incident store"),
                                                            QFileInfo(path).absolutePath(),
                                                            QObject::tr("Sitrep stores (*.db);;All files (*)"),
                                                            nullptr, QFileDialog::DontConfirmOverwrite);
        if (chosen.isEmpty())
            return nullptr;
        path = chosen;
    }
}

} // namespace sitrep
