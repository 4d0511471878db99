package com.aigency.api.panel;

import com.aigency.shared.domain.Scope;
import com.aigency.shared.http.ApiHandler;
import com.aigency.shared.panel.RightPanel;

/** What the right-panel routes share: the {@code app} scope and one panel service per container. */
abstract class PanelRoute extends ApiHandler {
  protected final RightPanel panel;

  PanelRoute(RightPanel panel) {
    this.panel = panel;
  }

  @Override
  protected final Scope requiredScope() {
    return Scope.APP;
  }
}
