from .ondersteuningsplan import Actie, Doel, EerdereHulp, KrachtZorg, Ondersteuningsplan, PlanVersie

__all__ = ["Actie", "Doel", "EerdereHulp", "KrachtZorg", "Ondersteuningsplan", "PlanVersie"]
