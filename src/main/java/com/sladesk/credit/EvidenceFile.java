package com.sladesk.credit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Evidence stored with its claim. */
@Entity
@Table(name = "credit_request_attachment")
class EvidenceFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long creditRequestId;

    private String filename;

    private String contentType;

    private int sizeBytes;

    private byte[] content;

    protected EvidenceFile() {
    }

    EvidenceFile(long creditRequestId, String filename, String contentType, byte[] content) {
        this.creditRequestId = creditRequestId;
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.content = content;
    }

    Long getCreditRequestId() {
        return creditRequestId;
    }

    String getFilename() {
        return filename;
    }

    String getContentType() {
        return contentType;
    }

    byte[] getContent() {
        return content;
    }

    CreditRequestView.AttachmentInfo toInfo() {
        return new CreditRequestView.AttachmentInfo(id, filename, contentType, sizeBytes);
    }
}
