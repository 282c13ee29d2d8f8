package com.sladesk.postmortem;

/** Written by SREs (DRAFT), with an SRE lead (IN_REVIEW), done (APPROVED); sent back, it is a DRAFT again. */
public enum PostmortemStatus {
    DRAFT, IN_REVIEW, APPROVED
}
