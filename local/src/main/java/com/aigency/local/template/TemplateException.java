package com.aigency.local.template;

/**
 * A template that cannot be loaded, modelled or resolved. Messages name the resource, event or
 * template path at fault, because the reader of this exception is usually someone who just edited
 * template.yaml and needs to know where to look.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
